import { api } from '../../lib/api-client';
import type { ContestDetails, PublicList, PublicResults } from '../../lib/api-types';
import { dateTime } from '../../lib/format';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';

async function load(slug: string): Promise<{ contest: ContestDetails; results: PublicResults }> {
  const path = `/api/contests/${encodeURIComponent(slug)}`;
  const [contest, results] = await Promise.all([api<ContestDetails>(path), api<PublicResults>(`${path}/results`)]);
  return { contest, results };
}

/** A contest's finalized winners lists, newest first, as the public reads them. */
export function ResultsPage(props: { slug: string }) {
  const { data, error, reload } = useLoad(() => load(props.slug), `results-${props.slug}`);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const title = t('title', { contest: data.contest.title });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('intro')}</p>
      {data.results.lists.length === 0 ? (
        <p class="alert" role="status" data-testid="no-results">
          {t('none')}
        </p>
      ) : (
        data.results.lists.map((list, i) => <ListSection key={`${list.round ?? 'all'}-${i}`} list={list} index={i} />)
      )}
      <p>
        <a href={`#/c/${encodeURIComponent(props.slug)}`}>{t('backToContest')}</a>
      </p>
    </>
  );
}

function ListSection(props: { list: PublicList; index: number }) {
  const { list } = props;
  const heading = `results-${props.index}`;
  return (
    <section aria-labelledby={heading} data-testid="results-list">
      <h2 id={heading}>{list.name}</h2>
      <p class="muted">{t('finalizedAt', { at: dateTime(list.finalizedAt) })}</p>
      <p>{t('facts', { participants: list.participants, attempts: list.attempts, actual: list.actualValue })}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('winners', { list: list.name })}>
        <table class="results-table">
          <caption class="sr-only">{t('winners', { list: list.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rank')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('unit')}</th>
              <th scope="col">{t('district')}</th>
              <th scope="col">{t('prize')}</th>
            </tr>
          </thead>
          <tbody>
            {list.winners.map((winner) => (
              <tr key={winner.rank}>
                <td>{winner.rank}</td>
                <td>{winner.name}</td>
                <td>{winner.unitName}</td>
                <td>{winner.district}</td>
                <td>{winner.prize}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.unitPrizes.length > 0 && (
        <>
          <h3>{t('unitPrizes')}</h3>
          <ul>
            {list.unitPrizes.map((prize) => (
              <li key={`${prize.criterion}-${prize.rank}`}>
                <strong>{prize.prize}</strong>: {prize.unitName} ({t('participants', { n: prize.participants })}
                {prize.participationRate != null && `, ${t('rate', { rate: prize.participationRate })}`})
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="hash">
        {t('sha256')} <code data-testid="results-sha256">{list.sha256}</code>
        <br />
        <span class="muted">{t('sha256Hint')}</span>
      </p>
    </section>
  );
}
