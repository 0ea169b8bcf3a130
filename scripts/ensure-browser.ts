/**
 * Makes sure the browser tests have a Chromium, before `playwright test` starts (npm run test:e2e runs this
 * first). In order: $CHROMIUM_PATH, the system's /usr/bin/chromium, a browser Playwright installed earlier;
 * else Playwright's installer when its download host answers; else Debian's `chromium` package when running
 * as root; else one line saying what to run, and exit status 1.
 *
 * playwright.config.ts asks `findChromium()` the same question, so both always agree on which browser runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** The flags every Chromium this project starts gets: the browser tests' and the bench's. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where a usable Chromium already is, or undefined. `ownBrowser` is Playwright's download location. */
export function findChromium(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
  ownBrowser: string = chromium.executablePath(),
): { path: string; kind: 'system' | 'playwright' } | undefined {
  const system = env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (exists(system)) return { path: system, kind: 'system' };
  if (exists(ownBrowser)) return { path: ownBrowser, kind: 'playwright' };
  return undefined;
}

export type BrowserStep =
  | { action: 'ready'; path: string }
  | { action: 'playwright-install' }
  | { action: 'apt-install' }
  | { action: 'give-up'; message: string };

export interface Machine {
  found: string | undefined;
  /** Playwright's download host answered. */
  downloadHostReachable: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

/** What to do on a machine, decided from what was probed (pure, so each case is tested). */
export function nextStep(machine: Machine): BrowserStep {
  if (machine.found) return { action: 'ready', path: machine.found };
  if (machine.downloadHostReachable) return { action: 'playwright-install' };
  if (machine.isRoot && machine.hasAptGet) return { action: 'apt-install' };
  return { action: 'give-up', message: GIVE_UP };
}

/** The one line printed when no browser can be had. */
export const GIVE_UP =
  'No Chromium for the browser tests: run `sudo apt-get install chromium` (Debian/Ubuntu) or ' +
  '`npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary, then run npm test again.';

async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

async function main(): Promise<number> {
  const found = findChromium()?.path;
  const machine: Machine = {
    found,
    downloadHostReachable: found ? false : await reachable('https://cdn.playwright.dev/'),
    isRoot: process.getuid?.() === 0,
    hasAptGet: spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  };
  const step = nextStep(machine);
  switch (step.action) {
    case 'ready':
      return 0;
    case 'playwright-install':
      console.log('ensure-browser: no Chromium found; installing Playwright\'s (npx playwright install chromium).');
      if (run('npx', ['playwright', 'install', 'chromium']) && findChromium()) return 0;
      break;
    case 'apt-install':
      console.log("ensure-browser: no Chromium found; installing Debian's chromium package (apt-get install chromium).");
      if (run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium']) && findChromium()) return 0;
      break;
    case 'give-up':
      console.error(step.message);
      return 1;
  }
  // The installer ran but left no browser (its output above says why).
  console.error(GIVE_UP);
  return 1;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) process.exitCode = await main();
