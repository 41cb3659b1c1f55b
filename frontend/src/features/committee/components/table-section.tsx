import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../messages';

/** A heading, then its table, or a sentence when there is nothing to show. */
export function TableSection(props: {
  id: string;
  title: string;
  headers: MessageKey[];
  empty: boolean;
  emptyText?: string;
  testId?: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <h3 id={props.id}>{props.title}</h3>
      {props.empty ? (
        <p>{props.emptyText ?? t('none')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0}>
          <table class="compact" data-testid={props.testId} aria-labelledby={props.id}>
            <thead>
              <tr>
                {props.headers.map((key) => (
                  <th scope="col" key={key}>
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{props.children}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
