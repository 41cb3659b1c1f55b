import { when } from '../format';
import { t } from '../messages';
import type { Excluded } from '../types';

/** Who is excluded and why; with `onLift`, a button per row to lift the exclusion. */
export function ExcludedTable(props: {
  rows: Excluded[];
  labelledBy: string;
  onLift?: (row: Excluded) => void;
  testId?: string;
}) {
  if (props.rows.length === 0) return <p>{props.onLift ? t('noExclusions') : t('none')}</p>;
  return (
    <div class="table-scroll" tabIndex={0}>
      <table aria-labelledby={props.labelledBy} data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('why')}</th>
            <th scope="col">{t('excludedBy')}</th>
            <th scope="col">{t('excludedAt')}</th>
            <th scope="col">{t('attemptId')}</th>
            {props.onLift && (
              <th scope="col">
                <span class="sr-only">{t('lift', { name: '' })}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.attemptId}>
              <td>{row.fullName}</td>
              <td class="wrap">{row.reason}</td>
              <td>{row.excludedBy}</td>
              <td>{when(row.excludedAt)}</td>
              <td>
                <code>{row.attemptId}</code>
              </td>
              {props.onLift && (
                <td>
                  <button type="button" class="button secondary" onClick={() => props.onLift?.(row)}>
                    {t('lift', { name: row.fullName })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
