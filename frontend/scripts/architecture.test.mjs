// The frontend's module boundaries (like the backend's ModularityTests): a feature imports
// lib/ and itself, never another feature; lib/ imports no feature; organizer features are
// not reachable from the citizen entry.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(file) {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/^import[^'"]*['"](\.[^'"]+)['"]/gm)].map(([, spec]) =>
    relative(src, resolve(dirname(file), spec)),
  );
}

const area = (path) => {
  const parts = path.split(/[\\/]/);
  return parts[0] === 'features' ? `features/${parts[1]}` : parts[0];
};

describe('module boundaries', () => {
  it('features import only lib/ and themselves; lib/ imports no feature', () => {
    const offences = [];
    for (const file of files(src)) {
      const from = area(relative(src, file));
      for (const target of imports(file)) {
        const to = area(target);
        const featureToFeature = from.startsWith('features/') && to.startsWith('features/') && to !== from;
        const featureToApp = from.startsWith('features/') && to === 'app';
        const libToFeature = from === 'lib' && (to.startsWith('features/') || to === 'app');
        if (featureToFeature || featureToApp || libToFeature) {
          offences.push(`${relative(src, file)} → ${target}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('the citizen page reaches no organizer code', () => {
    const seen = new Set();
    const queue = [join(src, 'main.ts')];
    while (queue.length > 0) {
      const file = queue.pop();
      if (seen.has(file)) continue;
      seen.add(file);
      for (const target of imports(file)) {
        const base = join(src, target);
        const candidates = [base, `${base}.ts`, `${base}.tsx`].filter((p) => /\.tsx?$/.test(p));
        const found = candidates.find((p) => {
          try {
            return statSync(p).isFile();
          } catch {
            return false;
          }
        });
        if (found) queue.push(found);
      }
    }
    const reached = [...seen].map((f) => relative(src, f));
    expect(reached).toContain('features/exam/exam-page.tsx');
    expect(reached.filter((f) => /admin/.test(f))).toEqual([]);
  });
});
