import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { killHard, spawnHost, type ChildHost } from '../support/child-host.js';

export const ADMIN_PASSWORD = 'admin-e2e-password';

/** Each test gets the real built host on its own port with a fresh database; `hostEnv` adds settings. */
/** The host of one test; a test that restarts it replaces `process` so teardown stops the running one. */
export type E2eHost = ChildHost & { dataDir: string };

export const test = base.extend<{ host: E2eHost; hostEnv: NodeJS.ProcessEnv }>({
  hostEnv: [{}, { option: true }],
  host: async ({ hostEnv }, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'borgerservice-e2e-'));
    const host = { ...(await spawnHost({ DATA_DIR: dataDir, ADMIN_PASSWORD, ...hostEnv })), dataDir };
    await use(host);
    await killHard(host);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** axe-core's WCAG 2.0/2.1 A and AA rules: Danish public-sector sites must pass them. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Screenshots for the README are written by the tests that walk each page. */
export function screenshotPath(name: string): string {
  return path.resolve('docs/screenshots', `${name}.png`);
}
