import { api } from '../../lib/api-client';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';

interface Tier {
  name: string;
  count: number;
}

export interface ContestPrizes {
  round: Tier[];
  contest: Tier[];
  unitsByParticipants: Tier[];
  unitsByParticipationRate: Tier[];
  unitPrizesPer: 'CONTEST' | 'ROUND';
  prizesPerPerson: 'HIGHEST_PER_CONTEST' | 'ONE_PER_LIST';
}

/** "1 Giải Nhất, 2 Giải Nhì": the tiers of one list, highest first. */
export function tierList(tiers: Tier[]): string {
  return tiers.map((tier) => `${tier.count} ${tier.name}`).join(', ');
}

/** The contest's prizes as the organizers set them; the general sentence until they do. */
export function Prizes(props: { slug: string }) {
  const { data } = useLoad(
    () => api<ContestPrizes>(`/api/contests/${encodeURIComponent(props.slug)}/prizes`),
    props.slug,
  );
  const empty =
    !data ||
    data.round.length + data.contest.length + data.unitsByParticipants.length + data.unitsByParticipationRate.length ===
      0;
  return (
    <section aria-labelledby="prizes-heading">
      <h2 id="prizes-heading">{t('prizes')}</h2>
      {empty ? (
        <p>{t('prizesText')}</p>
      ) : (
        <ul>
          {data.round.length > 0 && <li>{t('prizesEachRound', { list: tierList(data.round) })}</li>}
          {data.contest.length > 0 && <li>{t('prizesContest', { list: tierList(data.contest) })}</li>}
          {data.unitsByParticipants.length > 0 && (
            <li>
              {t(data.unitPrizesPer === 'ROUND' ? 'prizesUnitsRound' : 'prizesUnits', {
                list: tierList(data.unitsByParticipants),
              })}{' '}
              {t('byParticipants')}
            </li>
          )}
          {data.unitsByParticipationRate.length > 0 && (
            <li>
              {t(data.unitPrizesPer === 'ROUND' ? 'prizesUnitsRound' : 'prizesUnits', {
                list: tierList(data.unitsByParticipationRate),
              })}{' '}
              {t('byRate')}
            </li>
          )}
          {data.prizesPerPerson === 'HIGHEST_PER_CONTEST' && <li>{t('highestOnly')}</li>}
        </ul>
      )}
    </section>
  );
}
