// The citizens' budget: what index.html loads (scripts, preloads, styles) is at most
// 100 KB gzip, and none of it is organizer code. Run after `vite build`; fails the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 100 * 1024;
const out = new URL('../../target/classes/static/', import.meta.url).pathname;

function assetsOf(page) {
  const html = readFileSync(join(out, page), 'utf8');
  const seen = new Set();
  for (const [, path] of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) {
    seen.add(path);
  }
  // chunks imported statically by the entry chunks are loaded too
  const queue = [...seen].filter((p) => p.endsWith('.js'));
  while (queue.length > 0) {
    const code = readFileSync(join(out, queue.pop()), 'utf8');
    for (const [, name] of code.matchAll(/import\s*[^'"]*?["']\.\/([^"']+\.js)["']/g)) {
      const path = `assets/${name}`;
      if (!seen.has(path)) {
        seen.add(path);
        queue.push(path);
      }
    }
  }
  return [...seen].map((path) => ({ path, gzip: gzipSync(readFileSync(join(out, path)), { level: 9 }).length }));
}

let failed = false;
for (const page of ['index.html', 'admin.html']) {
  const assets = assetsOf(page);
  const total = assets.reduce((sum, a) => sum + a.gzip, 0);
  console.log(
    `${page}: ${(total / 1024).toFixed(1)} KB gzip (${assets.map((a) => `${a.path} ${(a.gzip / 1024).toFixed(1)}`).join(', ')})`,
  );
  if (page === 'index.html') {
    if (total > BUDGET) {
      console.error(`index.html loads ${total} bytes gzip, over the ${BUDGET} budget`);
      failed = true;
    }
    const organizer = assets.filter((a) => /\/admin[-.]/.test(a.path));
    if (organizer.length > 0) {
      console.error(`index.html loads organizer code: ${organizer.map((a) => a.path).join(', ')}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
