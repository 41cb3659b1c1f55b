import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceId, randomId } from './device-id';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('device id', () => {
  it('is made once and then kept', () => {
    const storage = memoryStorage();
    const first = deviceId(storage);
    expect(first).toMatch(UUID);
    expect(storage.getItem('civiquiz.device')).toBe(first);
    expect(deviceId(storage)).toBe(first);
  });

  it('replaces a stored value the server would ignore', () => {
    const storage = memoryStorage({ 'civiquiz.device': 'not a device id!' });
    const id = deviceId(storage);
    expect(id).toMatch(UUID);
    expect(storage.getItem('civiquiz.device')).toBe(id);
  });

  it('stays the same for the page when storage refuses', () => {
    const broken = memoryStorage();
    broken.getItem = () => {
      throw new Error('SecurityError');
    };
    const id = deviceId(broken);
    expect(id).toMatch(UUID);
    expect(deviceId(broken)).toBe(id);
  });

  it('is a version 4 UUID without crypto.randomUUID (plain HTTP)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) });
    const ids = new Set(Array.from({ length: 50 }, () => randomId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID);
  });
});
