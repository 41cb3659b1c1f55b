import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api-client';
import { intlLocale } from '../../lib/i18n';
import { ErrorAlert, errorText } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { PageHeading } from '../../lib/ui/page-heading';
import { useLoad } from '../../lib/use-load';
import { vietnamDateTime } from '../../lib/vietnam-time';
import type { ContestForm } from './contest-form-model';
import { t, type MessageKey } from './messages';
import {
  type PrizePlan,
  type PrizePlanView,
  type PrizesPerPerson,
  type TierList,
  type UnitPrizesPer,
  TIER_LISTS,
  emptyPlan,
  moved,
  planOf,
} from './prize-plan-model';
import { Field } from '../../lib/ui/field';
import { adminApi } from '../../lib/staff-session';
import { ContestTabs } from './contest-tabs';

type TypedTiers = Record<TierList, { name: string; count: string }[]>;

const TIER_TITLES: Record<TierList, MessageKey> = {
  round: 'tiersRound',
  contest: 'tiersContest',
  unitsByParticipants: 'tiersUnitsByParticipants',
  unitsByParticipationRate: 'tiersUnitsByRate',
};

function typed(plan: PrizePlan): TypedTiers {
  const tiers = {} as TypedTiers;
  for (const key of TIER_LISTS) {
    tiers[key] = plan[key].map((tier) => ({ name: tier.name, count: String(tier.count) }));
  }
  return tiers;
}

export function PrizePlanPage(props: { slug: string; onUnauthorized: () => void }) {
  const call = adminApi(props.onUnauthorized);
  const path = `/api/admin/contests/${encodeURIComponent(props.slug)}`;
  const contest = useLoad(() => call<ContestForm>(path), props.slug);
  const loaded = useLoad(
    () =>
      call<PrizePlanView>(`${path}/prize-plan`).catch((error) => {
        if (error instanceof ApiError && error.code === 'PRIZE_PLAN_MISSING') return null;
        throw error;
      }),
    `plan-${props.slug}`,
  );
  const [view, setView] = useState<PrizePlanView | null>(null);
  const [plan, setPlan] = useState<PrizePlan | null>(null);
  const [tiers, setTiers] = useState<TypedTiers | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data !== undefined) {
      const start = loaded.data?.plan ?? emptyPlan();
      setView(loaded.data);
      setPlan(start);
      setTiers(typed(start));
    }
  }, [loaded.data]);

  const heading = t('prizeTitle', { title: contest.data?.title ?? props.slug });
  const page = (body: ComponentChildren) => (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      <ContestTabs slug={props.slug} current="prizes" />
      {body}
    </>
  );
  if (loaded.error) return page(<ErrorAlert error={loaded.error} onRetry={loaded.reload} />);
  if (!plan || !tiers) return page(<Loading />);

  const setTier = (list: TierList, i: number, patch: Partial<{ name: string; count: string }>) =>
    setTiers({ ...tiers, [list]: tiers[list].map((tier, j) => (j === i ? { ...tier, ...patch } : tier)) });

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setNotice('');
    setProblem('');
    setBusy(true);
    try {
      const saved = await call<PrizePlanView>(`${path}/prize-plan`, { method: 'PUT', body: planOf(tiers, plan) });
      setView(saved);
      setPlan(saved.plan);
      setTiers(typed(saved.plan));
      setErrors({});
      setNotice(t('planSaved', { revision: saved.revision }));
    } catch (failure) {
      setErrors(failure instanceof ApiError ? failure.fieldMessages() : {});
      setProblem(
        errorText(failure) +
          (failure instanceof ApiError && failure.errors.length > 0
            ? ` ${t('fixErrors', { n: failure.errors.length })}`
            : ''),
      );
    } finally {
      setBusy(false);
    }
  };

  return page(
    <>
      <p class="muted" data-testid="plan-revision">
        {view
          ? t('revision', {
              revision: view.revision,
              at: vietnamDateTime(view.updatedAt, intlLocale()),
              by: view.updatedBy,
            })
          : t('noPlan')}
      </p>
      {notice && (
        <p class="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <div class="alert alert-error" role="alert">
          <p>{problem}</p>
          {Object.keys(errors).length > 0 && (
            <ul>
              {Object.entries(errors).map(([field, message]) => (
                <li key={field}>
                  {field}: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form class="form manage-form" noValidate onSubmit={onSubmit}>
        {TIER_LISTS.map((list) => (
          <fieldset class="group" key={list} data-testid={`tiers-${list}`}>
            <legend>{t(TIER_TITLES[list])}</legend>
            <p class="hint">{t('tiersHint')}</p>
            {errors[list] && <p class="field-error">{errors[list]}</p>}
            {tiers[list].length === 0 && <p class="muted">{t('noTiers')}</p>}
            {tiers[list].map((tier, i) => (
              <div class="field-row tier" key={i}>
                <Field
                  name={`${list}[${i}].name`}
                  label={`${t('tierName')} ${i + 1}`}
                  value={tier.name}
                  onInput={(v) => setTier(list, i, { name: v })}
                  errors={errors}
                />
                <Field
                  name={`${list}[${i}].count`}
                  label={`${t('tierCount')} ${i + 1}`}
                  type="number"
                  value={tier.count}
                  onInput={(v) => setTier(list, i, { count: v })}
                  errors={errors}
                />
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => setTiers({ ...tiers, [list]: tiers[list].filter((_, j) => j !== i) })}
                >
                  {t('removeTier', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button
              type="button"
              class="button secondary"
              onClick={() => setTiers({ ...tiers, [list]: [...tiers[list], { name: '', count: '1' }] })}
            >
              {t('addTier')}
            </button>
          </fieldset>
        ))}

        <fieldset class="group">
          <legend>{t('tieBreak')}</legend>
          <p class="hint">{t('tieBreakHint')}</p>
          {errors.tieBreak && <p class="field-error">{errors.tieBreak}</p>}
          <ol class="reorder" data-testid="tie-break">
            {plan.tieBreak.map((step, i) => {
              const name = t(`tb_${step}` as MessageKey);
              return (
                <li key={step} data-step={step}>
                  <span>{name}</span>
                  <button
                    type="button"
                    class="button secondary small"
                    aria-label={t('moveUp', { name })}
                    disabled={i === 0}
                    onClick={() => setPlan({ ...plan, tieBreak: moved(plan.tieBreak, i, -1) })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="button secondary small"
                    aria-label={t('moveDown', { name })}
                    disabled={i === plan.tieBreak.length - 1}
                    onClick={() => setPlan({ ...plan, tieBreak: moved(plan.tieBreak, i, 1) })}
                  >
                    ↓
                  </button>
                </li>
              );
            })}
          </ol>
        </fieldset>

        <fieldset class="group">
          <legend>{t('prizesPerPerson')}</legend>
          {(['HIGHEST_PER_CONTEST', 'ONE_PER_LIST'] as PrizesPerPerson[]).map((value) => (
            <label class="checkbox" key={value}>
              <input
                type="radio"
                name="prizesPerPerson"
                checked={plan.prizesPerPerson === value}
                onChange={() => setPlan({ ...plan, prizesPerPerson: value })}
              />{' '}
              {t(`pp_${value}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <fieldset class="group">
          <legend>{t('unitPrizesPer')}</legend>
          {(['CONTEST', 'ROUND'] as UnitPrizesPer[]).map((value) => (
            <label class="checkbox" key={value}>
              <input
                type="radio"
                name="unitPrizesPer"
                checked={plan.unitPrizesPer === value}
                onChange={() => setPlan({ ...plan, unitPrizesPer: value })}
              />{' '}
              {t(`up_${value}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button class="button primary" type="submit" disabled={busy}>
            {busy ? t('saving') : t('savePlan')}
          </button>
        </div>
      </form>
    </>,
  );
}
