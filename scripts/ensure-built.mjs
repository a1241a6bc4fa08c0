// `npm start` on a fresh clone or after an update: build whatever is missing or older than its
// sources, so an office's IT person needs only `npm install && npm start`.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function stale(output, sources) {
  const file = path.join(root, output);
  if (!existsSync(file)) return true;
  const built = statSync(file).mtimeMs;
  return sources.some((dir) => existsSync(path.join(root, dir)) && newestMtime(path.join(root, dir)) > built);
}

const run = (script) => execSync(`npm run --silent ${script}`, { cwd: root, stdio: 'inherit' });

if (stale('dist/server/main.js', ['core', 'db', 'server', 'hardware', 'electron'])) {
  console.log('Building the office host…');
  run('build:host');
}
if (stale('dist/renderer/index.html', ['renderer', 'core'])) {
  console.log('Building the pages…');
  run('build:renderer');
}
