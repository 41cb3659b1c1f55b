import { describe, expect, it } from 'vitest';
import { unitsIn } from '../../lib/staff-scope';
import { scopeSummary, withContest, withUnit } from './scope-model';

describe('a staff scope', () => {
  it('takes contests in and out, units within them', () => {
    let scope = withContest({ contests: [] }, 'a', true);
    scope = withContest(scope, 'b', true);
    scope = withUnit(scope, 'b', 'U1', true);
    scope = withUnit(scope, 'b', 'U2', true);
    scope = withUnit(scope, 'b', 'U1', false);
    expect(scope).toEqual({
      contests: [
        { slug: 'a', units: [] },
        { slug: 'b', units: ['U2'] },
      ],
    });
    expect(withContest(scope, 'a', false)).toEqual({ contests: [{ slug: 'b', units: ['U2'] }] });
  });

  it('says what an account sees in one line', () => {
    expect(scopeSummary(null, 'every', 'none')).toBe('every');
    expect(scopeSummary({ contests: [] }, 'every', 'none')).toBe('none');
    expect(
      scopeSummary(
        {
          contests: [
            { slug: 'a', units: [] },
            { slug: 'b', units: ['U1', 'U2'] },
          ],
        },
        'every',
        'none',
      ),
    ).toBe('a; b: U1, U2');
  });

  it('limits a contest to units only when it names some', () => {
    const scope = {
      contests: [
        { slug: 'a', units: [] },
        { slug: 'b', units: ['U1'] },
      ],
    };
    expect(unitsIn(scope, 'a')).toBeNull();
    expect(unitsIn(scope, 'b')).toEqual(['U1']);
    expect(unitsIn(null, 'b')).toBeNull();
  });
});
