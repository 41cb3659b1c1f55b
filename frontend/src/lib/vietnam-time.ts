/**
 * Contest times are instants; organizers read and type them as wall-clock time in Vietnam
 * (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving since 1975), whatever the
 * browser's own zone is.
 */
export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';

const OFFSET_MS = 7 * 60 * 60 * 1000;

/** `2026-12-01T01:00:00Z` → `2026-12-01T08:00` (seconds kept when not zero), for datetime-local. */
export function toVietnamLocal(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return '';
  }
  const local = new Date(time + OFFSET_MS).toISOString();
  return local.slice(17, 19) === '00' ? local.slice(0, 16) : local.slice(0, 19);
}

/** `2026-12-01T08:00` typed in Vietnam time → `2026-12-01T01:00:00Z`; null when empty or malformed. */
export function fromVietnamLocal(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(local.trim());
  if (!m) {
    return null;
  }
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS;
  const date = new Date(utc);
  // 31 February and the like roll over: refuse them
  if (new Date(utc + OFFSET_MS).getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().replace('.000Z', 'Z');
}

/** An instant as date and time in Vietnam, e.g. "1 thg 12, 2026, 08:00". */
export function vietnamDateTime(iso: string | null | undefined, intlLocale: string): string {
  if (!iso) {
    return '';
  }
  return new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: VIETNAM_ZONE,
  }).format(new Date(iso));
}
