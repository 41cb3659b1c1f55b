import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from './messages';

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null;
  render?: (row: T) => ComponentChildren;
  numeric?: boolean;
}

/** A table sorted by clicking (or pressing Enter on) a column header; aria-sort tells which. */
export function SortableTable<T>(props: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort: string;
  testId?: string;
}) {
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: props.initialSort, descending: true });
  const column = props.columns.find((c) => c.key === sort.key) ?? props.columns[0];
  const rows = [...props.rows].sort((a, b) => {
    const va = column.value(a);
    const vb = column.value(b);
    if (va === vb) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    const order =
      typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'vi');
    return sort.descending ? -order : order;
  });
  return (
    <div class="table-scroll">
      <table data-testid={props.testId}>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th
                scope="col"
                key={c.key}
                aria-sort={c.key === sort.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
                class={c.numeric ? 'num' : ''}
              >
                <button
                  type="button"
                  class="sort"
                  aria-label={t('sortBy', { column: c.label })}
                  onClick={() =>
                    setSort({ key: c.key, descending: c.key === sort.key ? !sort.descending : !!c.numeric })
                  }
                >
                  {c.label}
                  <span aria-hidden="true">{c.key === sort.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((c) => (
                <td key={c.key} class={c.numeric ? 'num' : ''}>
                  {c.render ? c.render(row) : (c.value(row) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
