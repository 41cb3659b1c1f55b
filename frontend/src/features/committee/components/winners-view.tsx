import { durationText, number } from '../../../lib/format';
import { kindText, type FlagKind } from '../integrity-flags';
import { codeText, when } from '../format';
import { rankReasonText, t } from '../messages';
import type { WinnersList } from '../types';
import { ExcludedTable } from './excluded-table';
import { TableSection } from './table-section';

/** A frozen list: its facts, the winners with the reasons for their ranks, the unit prizes, the rest. */
export function WinnersView(props: { list: WinnersList; flagged: Map<string, FlagKind[]> }) {
  const { list } = props;
  const chain = [...list.tieBreak, 'ATTEMPT_ID'].map((step) => codeText('tb_', step)).join(' → ');
  return (
    <>
      <h3>{t('facts')}</h3>
      <dl class="facts" data-testid="list-facts">
        <dt>{t('ruleRevision')}</dt>
        <dd>{list.ruleRevision}</dd>
        <dt>{t('tieBreak')}</dt>
        <dd>{chain}</dd>
        <dt>{t('actualPrediction')}</dt>
        <dd>{list.actualPrediction ?? '—'}</dd>
        <dt>{t('ranked')}</dt>
        <dd>{list.ranked}</dd>
        <dt>{t('finalizedBy')}</dt>
        <dd>{list.finalizedBy}</dd>
        <dt>{t('finalizedAt')}</dt>
        <dd>{when(list.finalizedAt)}</dd>
        <dt>{t('timeZone')}</dt>
        <dd>{list.timeZone}</dd>
        <dt>{t('sha256')}</dt>
        <dd>
          <code data-testid="sha256">{list.sha256}</code>
        </dd>
      </dl>
      <TableSection
        id="winners-heading"
        title={t('winners')}
        empty={list.winners.length === 0}
        emptyText={t('noWinners')}
        testId="winners"
        headers={[
          'rank',
          'prize',
          'name',
          'unit',
          'district',
          'phone',
          'score',
          'duration',
          'prediction',
          'actualValue',
          'distance',
          'submittedAt',
          'reason',
          'flags',
        ]}
      >
        {list.winners.map((w) => (
          <tr
            key={w.attemptId}
            data-attempt={w.attemptId}
            data-flagged={props.flagged.has(w.attemptId) ? 'true' : undefined}
          >
            <td class="num">{w.rank}</td>
            <td>{w.prize}</td>
            <td>{w.fullName}</td>
            <td>
              {w.unitName} <span class="muted">({w.unitCode})</span>
            </td>
            <td>{w.district}</td>
            <td>{w.phone ?? '—'}</td>
            <td class="num">{w.score}</td>
            <td class="num">{durationText(w.durationMs, { min: t('minutes'), sec: t('seconds') })}</td>
            <td class="num">{w.prediction == null ? '—' : number(w.prediction)}</td>
            <td class="num">{w.actualValue == null ? '—' : number(w.actualValue)}</td>
            <td class="num">{w.predictionDistance == null ? '—' : number(w.predictionDistance)}</td>
            <td>
              {when(w.submittedAt)}
              {w.autoSubmitted && <span class="muted"> ({t('autoSubmitted')})</span>}
            </td>
            <td class="wrap" data-reason={w.rankReason}>
              {rankReasonText(w.rankReason)}
            </td>
            <td>
              <FlagMark kinds={props.flagged.get(w.attemptId)} />
            </td>
          </tr>
        ))}
      </TableSection>
      <TableSection
        id="unit-prizes-heading"
        title={t('unitPrizes')}
        empty={list.unitPrizes.length === 0}
        testId="unit-prizes"
        headers={['rank', 'prize', 'criterion', 'unit', 'participants', 'headcount', 'rate']}
      >
        {list.unitPrizes.map((u) => (
          <tr key={`${u.criterion}-${u.unitCode}`}>
            <td class="num">{u.rank}</td>
            <td>{u.prize}</td>
            <td>{codeText('criterion_', u.criterion)}</td>
            <td>
              {u.unitName} <span class="muted">({u.unitCode})</span>
            </td>
            <td class="num">{u.participants}</td>
            <td class="num">{u.headcount ?? '—'}</td>
            <td class="num">{u.participationRate == null ? '—' : number(u.participationRate, 2)}</td>
          </tr>
        ))}
      </TableSection>
      <TableSection
        id="passed-over-heading"
        title={t('passedOver')}
        empty={list.passedOver.length === 0}
        headers={['rank', 'name', 'unit', 'heldPrize', 'attemptId']}
      >
        {list.passedOver.map((p) => (
          <tr key={p.attemptId}>
            <td class="num">{p.rank}</td>
            <td>{p.fullName}</td>
            <td>{p.unitCode}</td>
            <td>{p.heldPrize}</td>
            <td>
              <code>{p.attemptId}</code>
            </td>
          </tr>
        ))}
      </TableSection>
      <TableSection
        id="superseded-heading"
        title={t('superseded')}
        empty={list.superseded.length === 0}
        headers={['name', 'heldPrize', 'attemptId']}
      >
        {list.superseded.map((s) => (
          <tr key={s.attemptId}>
            <td>{s.fullName}</td>
            <td>{s.heldPrize}</td>
            <td>
              <code>{s.attemptId}</code>
            </td>
          </tr>
        ))}
      </TableSection>
      <h3 id="excluded-heading">{t('excluded')}</h3>
      <ExcludedTable rows={list.excluded} labelledBy="excluded-heading" />
    </>
  );
}

/** A winner's warning signs, or a dash. */
function FlagMark(props: { kinds?: FlagKind[] }) {
  if (!props.kinds || props.kinds.length === 0) return <span class="muted">{t('noFlag')}</span>;
  const kinds = props.kinds.map(kindText).join(', ');
  return (
    <span class="badge flag-mark" data-testid="winner-flag">
      <span aria-hidden="true">⚠ </span>
      {t('flaggedWinner', { kinds })}
    </span>
  );
}
