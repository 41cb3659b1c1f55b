import { useState } from 'preact/hooks';
import { api } from '../../lib/api-client';
import type { ContestDetails, LeaderboardPage } from '../../lib/api-types';
import { clockText } from '../../lib/format';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';

export function Leaderboard(props: { contest: ContestDetails }) {
  const { contest } = props;
  const [round, setRound] = useState<string>(contest.currentRound ? String(contest.currentRound) : '');
  // '' = everyone, 'u:CODE' = one unit, 'd:NAME' = one district (the API takes one of them)
  const [scope, setScope] = useState('');
  const query = new URLSearchParams({ limit: '20' });
  if (round) {
    query.set('round', round);
  }
  if (scope.startsWith('u:')) {
    query.set('unit', scope.slice(2));
  } else if (scope.startsWith('d:')) {
    query.set('district', scope.slice(2));
  }
  const url = `/api/contests/${encodeURIComponent(contest.slug)}/leaderboard?${query}`;
  const { data, error, reload } = useLoad(() => api<LeaderboardPage>(url), url);
  return (
    <section aria-labelledby="board-heading">
      <h2 id="board-heading">{t('leaderboard')}</h2>
      <label class="inline-field">
        {t('boardOf')}{' '}
        <select value={round} onChange={(e) => setRound((e.target as HTMLSelectElement).value)}>
          <option value="">{t('wholeContest')}</option>
          {contest.rounds.map((r) => (
            <option key={r.number} value={String(r.number)}>
              {t('roundN', { n: r.number })}: {r.name}
            </option>
          ))}
        </select>
      </label>
      <label class="inline-field">
        {t('among')}{' '}
        <select value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value)}>
          <option value="">{t('everyone')}</option>
          {contest.units.length > 0 && (
            <optgroup label={t('units')}>
              {contest.units.map((unit) => (
                <option key={unit.code} value={`u:${unit.code}`}>
                  {unit.name}
                </option>
              ))}
            </optgroup>
          )}
          {contest.districts.length > 0 && (
            <optgroup label={t('districts')}>
              {contest.districts.map((district) => (
                <option key={district} value={`d:${district}`}>
                  {district}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {error ? (
        <ErrorAlert error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <p>{t('ranked', { n: data.ranked })}</p>
          {data.scoresHidden && <p class="note">{t('scoresHidden')}</p>}
          {data.entries.length === 0 ? (
            <p>{t('emptyBoard')}</p>
          ) : (
            <div class="table-scroll">
              <table class="board" data-testid="leaderboard">
                <thead>
                  <tr>
                    {!data.scoresHidden && <th scope="col">{t('colRank')}</th>}
                    <th scope="col">{t('colName')}</th>
                    <th scope="col">{t('colUnit')}</th>
                    {!data.scoresHidden && <th scope="col">{t('colScore')}</th>}
                    {!data.scoresHidden && <th scope="col">{t('colTime')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((entry, index) => (
                    <tr key={index}>
                      {!data.scoresHidden && <td>{entry.rank}</td>}
                      <td>{entry.name}</td>
                      <td>{entry.unitName}</td>
                      {!data.scoresHidden && <td>{entry.score ?? ''}</td>}
                      {!data.scoresHidden && <td>{entry.durationMs != null ? clockText(entry.durationMs) : ''}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
