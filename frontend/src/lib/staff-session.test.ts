import { describe, expect, it } from 'vitest';
import { csrfHeader } from './api-client';
import { sectionsOf } from './staff-session';

describe('csrfHeader', () => {
  it('sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN', () => {
    expect(csrfHeader('theme=dark; XSRF-TOKEN=ab%2Fcd-12; other=1')).toEqual({ 'X-XSRF-TOKEN': 'ab/cd-12' });
  });

  it('sends nothing without the cookie, as on the citizen pages', () => {
    expect(csrfHeader('')).toEqual({});
    expect(csrfHeader('NOT-XSRF-TOKEN=x')).toEqual({});
  });
});

describe('sectionsOf', () => {
  it('shows each role its pages', () => {
    expect(sectionsOf({ username: 'a', roles: ['ORGANIZER'] })).toEqual({
      manage: true,
      committee: false,
      accounts: false,
    });
    expect(sectionsOf({ username: 'b', roles: ['COMMITTEE'] })).toEqual({
      manage: false,
      committee: true,
      accounts: false,
    });
    expect(sectionsOf({ username: 'c', roles: ['ADMIN'] })).toEqual({ manage: true, committee: true, accounts: true });
  });
});
