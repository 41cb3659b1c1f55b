import { useState } from 'preact/hooks';
import { api } from '../../lib/api-client';
import type { ContestDetails } from '../../lib/api-types';
import { fetchFile, saveBlob } from '../../lib/download';
import { dateTime, number, percent } from '../../lib/format';
import { adminApi } from '../../lib/staff-session';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { Section } from '../../lib/ui/section';
import { useLoad } from '../../lib/use-load';
import { RoundSelect } from '../../lib/ui/round-select';
import { flaggedFirst, letter } from './item-order';
import { t } from './messages';
import type { Item, ItemAnalysis, ItemFlag, OptionCounts } from './types';
import './item-analysis.css';

const FLAGS: ItemFlag[] = ['MAYBE_WRONG_KEY', 'NEGATIVE_DISCRIMINATION', 'TOO_HARD', 'TOO_EASY', 'UNUSED_DISTRACTOR'];

/**
 * The item analysis of a contest's bank (organizers, the committee): flagged questions first,
 * each with a link to edit it for those who manage the bank, and the workbook to download.
 */
export function ItemAnalysisPage(props: { slug: string; canManage: boolean; onUnauthorized: () => void }) {
  const contest = useLoad(() => api<ContestDetails>(`/api/contests/${encodeURIComponent(props.slug)}`), props.slug);
  const call = adminApi(props.onUnauthorized);
  const [round, setRound] = useState('');
  const path = `/api/admin/contests/${encodeURIComponent(props.slug)}/item-analysis`;
  const query = round ? `?round=${round}` : '';
  const analysis = useLoad(() => call<ItemAnalysis>(`${path}${query}`), `${props.slug}#${round}`);
  const title = contest.data ? t('titleOf', { title: contest.data.title }) : t('title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <nav class="subnav" aria-label={t('title')}>
        <a href={`#/c/${encodeURIComponent(props.slug)}`}>{t('back')}</a>
      </nav>
      <p class="hint">{t('intro')}</p>
      <div class="dashboard-bar">
        <RoundSelect
          label={t('scope')}
          wholeContest={t('wholeContest')}
          rounds={contest.data?.rounds}
          roundLabel={(r) => t('roundN', { n: r.number, name: r.name })}
          value={round}
          onChange={setRound}
        />
        <Download path={`${path}?format=xlsx${round ? `&round=${round}` : ''}`} />
      </div>
      <FlagsExplained />
      {analysis.error ? (
        <ErrorAlert error={analysis.error} onRetry={analysis.reload} />
      ) : !analysis.data ? (
        <Loading />
      ) : (
        <Items analysis={analysis.data} slug={props.slug} canManage={props.canManage} />
      )}
    </>
  );
}

function Download(props: { path: string }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { blob, filename } = await fetchFile(props.path);
      saveBlob(blob, filename);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button type="button" class="button secondary" disabled={busy} onClick={() => void download()}>
        {busy ? t('downloading') : t('download')}
      </button>
      {failure ? <ErrorAlert error={failure} /> : null}
    </div>
  );
}

function FlagsExplained() {
  return (
    <Section id="flags-heading" title={t('flagsHeading')}>
      <dl class="flag-legend">
        {FLAGS.map((flag) => (
          <div key={flag}>
            <dt>
              <span class="badge badge-warning">{t(`flag_${flag}`)}</span>
            </dt>
            <dd>{t(`explain_${flag}`)}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function Items(props: { analysis: ItemAnalysis; slug: string; canManage: boolean }) {
  const { analysis } = props;
  const items = flaggedFirst(analysis.items);
  const flagged = items.filter((item) => item.flags.length > 0).length;
  return (
    <Section id="items-heading" title={t('questionsHeading')}>
      <p data-testid="item-summary">
        {analysis.attempts === 0
          ? t('noAttempts')
          : t('summary', {
              attempts: number(analysis.attempts),
              flagged: number(flagged),
              total: number(items.length),
              at: dateTime(analysis.computedAt),
            })}
      </p>
      <div class="table-scroll" tabIndex={0}>
        <table data-testid="item-analysis" aria-labelledby="items-heading">
          <thead>
            <tr>
              <th scope="col">{t('colCode')}</th>
              <th scope="col">{t('colFlags')}</th>
              <th scope="col">{t('colQuestion')}</th>
              <th scope="col">{t('colKey')}</th>
              <th scope="col" class="num">
                {t('colDrawn')}
              </th>
              <th scope="col" class="num">
                {t('colFacility')}
              </th>
              <th scope="col" class="num">
                {t('colDiscrimination')}
              </th>
              <th scope="col">{t('colChoices')}</th>
              <th scope="col">{t('colTop')}</th>
              {props.canManage && <th scope="col">{t('colEdit')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <ItemRow key={item.questionId} item={item} slug={props.slug} canManage={props.canManage} />
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function ItemRow(props: { item: Item; slug: string; canManage: boolean }) {
  const { item } = props;
  return (
    <tr data-code={item.code} data-flags={item.flags.join(' ') || undefined}>
      <th scope="row">{item.code}</th>
      <td>
        {item.flags.length === 0 ? (
          <span class="muted">{t('none')}</span>
        ) : (
          item.flags.map((flag) => (
            <span key={flag} class="badge badge-warning" title={t(`explain_${flag}`)}>
              {t(`flag_${flag}`)}
            </span>
          ))
        )}
      </td>
      <td>
        {item.text} <span class="muted">({t('chapterArticle', { chapter: item.chapter, article: item.article })})</span>
        {!item.active && <span class="muted"> {t('retired')}</span>}
      </td>
      <td>{letter(item.correctOption)}</td>
      <td class="num">{number(item.drawn)}</td>
      <td class="num">{item.facility == null ? '–' : percent(item.facility)}</td>
      <td class="num">{item.discrimination == null ? '–' : number(item.discrimination, 2)}</td>
      <td>{choices(item.optionCounts)}</td>
      <td>{item.topQuarter.attempts === 0 ? '–' : choices(item.topQuarter.optionCounts)}</td>
      {props.canManage && (
        <td>
          {item.active && (
            <a
              href={`#/manage/${encodeURIComponent(props.slug)}/questions/${encodeURIComponent(item.code)}`}
              aria-label={t('edit', { code: item.code })}
            >
              {t('colEdit')}
            </a>
          )}
        </td>
      )}
    </tr>
  );
}

function choices(counts: OptionCounts): string {
  return [counts['1'], counts['2'], counts['3'], counts['4'], counts.none].map((n) => number(n)).join(' / ');
}
