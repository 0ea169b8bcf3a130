import { describe, expect, it } from 'vitest';
import { findChromium, GIVE_UP, nextStep } from '../../../scripts/ensure-browser.ts';

describe('findChromium', () => {
  const own = '/home/u/.cache/ms-playwright/chromium/chrome';
  it('prefers $CHROMIUM_PATH, then /usr/bin/chromium, then Playwright\'s own browser', () => {
    const all = () => true;
    expect(findChromium({ CHROMIUM_PATH: '/opt/c' }, all, own)).toEqual({ path: '/opt/c', kind: 'system' });
    expect(findChromium({}, all, own)).toEqual({ path: '/usr/bin/chromium', kind: 'system' });
    expect(findChromium({}, (p) => p === own, own)).toEqual({ path: own, kind: 'playwright' });
    expect(findChromium({}, () => false, own)).toBeUndefined();
  });
});

describe('nextStep', () => {
  const bare = { found: undefined, downloadHostReachable: false, isRoot: false, hasAptGet: false };
  it('uses a browser that is there', () => {
    expect(nextStep({ ...bare, found: '/usr/bin/chromium' })).toEqual({ action: 'ready', path: '/usr/bin/chromium' });
  });
  it("runs Playwright's installer when its host answers, before trying apt", () => {
    expect(nextStep({ ...bare, downloadHostReachable: true, isRoot: true, hasAptGet: true })).toEqual({ action: 'playwright-install' });
  });
  it("installs Debian's chromium as root when the download host is out of reach", () => {
    expect(nextStep({ ...bare, isRoot: true, hasAptGet: true })).toEqual({ action: 'apt-install' });
    expect(nextStep({ ...bare, isRoot: false, hasAptGet: true }).action).toBe('give-up');
  });
  it('otherwise says in one line what to run', () => {
    const step = nextStep(bare);
    expect(step).toEqual({ action: 'give-up', message: GIVE_UP });
    expect(GIVE_UP).not.toContain('\n');
    expect(GIVE_UP).toMatch(/apt-get install chromium/);
    expect(GIVE_UP).toMatch(/npx playwright install chromium/);
  });
});
