/**
 * A random id this browser keeps for itself and sends when it starts an attempt (header
 * `X-Device-Id`), so that the award committee can see one device used by many people. The
 * server keeps only its keyed hash. Nothing in it identifies the person or the device.
 */
const KEY = 'civiquiz.device';

/** What the server accepts; anything else it ignores. */
const VALID = /^[A-Za-z0-9-]{1,64}$/;

let unstored: string | undefined;

/** The browser's id: the stored one, or a new one stored for next time. */
export function deviceId(storage: Storage | undefined = globalThis.localStorage): string {
  try {
    const stored = storage?.getItem(KEY);
    if (stored && VALID.test(stored)) return stored;
    const id = unstored ?? randomId();
    storage?.setItem(KEY, id);
    return id;
  } catch {
    // private mode or storage disabled: one id for as long as the page lives
    unstored ??= randomId();
    return unstored;
  }
}

/** A version 4 UUID; `crypto.randomUUID` exists only on HTTPS (and localhost). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
