import type { AdminContestSummary } from '../../lib/api-types';
import type { adminApi } from '../../lib/staff-session';
import type { StaffScope } from '../../lib/staff-scope';
import { ErrorAlert } from '../../lib/ui/error-alert';
import { Loading } from '../../lib/ui/loading';
import { useLoad } from '../../lib/use-load';
import { t } from './messages';
import { withContest, withUnit } from './scope-model';

type Call = ReturnType<typeof adminApi>;

interface UnitForm {
  code: string;
  name: string;
  parentCode: string | null;
}

/**
 * The admin's choice of what an account sees: every contest, or the contests ticked and,
 * within each, the units ticked (none: the whole contest). `null` is every contest.
 */
export function ScopeEditor(props: {
  id: string;
  value: StaffScope | null;
  onChange: (scope: StaffScope | null) => void;
  call: Call;
}) {
  const { id, value, onChange } = props;
  return (
    <fieldset class="group scope-editor" data-testid={`${id}-scope`}>
      <legend>{t('scope')}</legend>
      <label>
        <input type="radio" name={`${id}-scope-kind`} checked={value === null} onChange={() => onChange(null)} />{' '}
        {t('scopeEvery')}
      </label>
      <label>
        <input
          type="radio"
          name={`${id}-scope-kind`}
          checked={value !== null}
          onChange={() => onChange({ contests: [] })}
        />{' '}
        {t('scopeChosen')}
      </label>
      {value && <ContestChoice id={id} value={value} onChange={onChange} call={props.call} />}
    </fieldset>
  );
}

function ContestChoice(props: { id: string; value: StaffScope; onChange: (scope: StaffScope) => void; call: Call }) {
  const contests = useLoad(() => props.call<AdminContestSummary[]>('/api/admin/contests'), 'scope-contests');
  if (contests.error !== undefined) return <ErrorAlert error={contests.error} onRetry={contests.reload} />;
  if (!contests.data) return <Loading />;
  return (
    <div class="scope-contests">
      <p class="hint">{t('scopeHint')}</p>
      {contests.data.map((contest) => {
        const chosen = props.value.contests.find((c) => c.slug === contest.slug);
        return (
          <div key={contest.slug} class="scope-contest">
            <label>
              <input
                type="checkbox"
                checked={!!chosen}
                onChange={(e) =>
                  props.onChange(withContest(props.value, contest.slug, (e.target as HTMLInputElement).checked))
                }
              />{' '}
              {contest.title} <span class="muted">({contest.slug})</span>
            </label>
            {chosen && (
              <UnitChoice
                id={`${props.id}-${contest.slug}`}
                slug={contest.slug}
                title={contest.title}
                chosen={chosen.units}
                onChange={(code, on) => props.onChange(withUnit(props.value, contest.slug, code, on))}
                call={props.call}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

function UnitChoice(props: {
  id: string;
  slug: string;
  title: string;
  chosen: string[];
  onChange: (code: string, chosen: boolean) => void;
  call: Call;
}) {
  const form = useLoad(
    () => props.call<{ units: UnitForm[] }>(`/api/admin/contests/${encodeURIComponent(props.slug)}`),
    `scope-units-${props.slug}`,
  );
  if (form.error !== undefined) return <ErrorAlert error={form.error} onRetry={form.reload} />;
  if (!form.data) return <Loading />;
  if (!form.data.units.length) return null;
  return (
    <fieldset class="item scope-units">
      <legend>{t('unitsOf', { title: props.title })}</legend>
      <p class="hint">{t('unitsHint')}</p>
      {form.data.units.map((unit) => (
        <label key={unit.code}>
          <input
            type="checkbox"
            checked={props.chosen.includes(unit.code)}
            onChange={(e) => props.onChange(unit.code, (e.target as HTMLInputElement).checked)}
          />{' '}
          {unit.parentCode ? '· ' : ''}
          {unit.name} <span class="muted">({unit.code})</span>
        </label>
      ))}
    </fieldset>
  );
}
