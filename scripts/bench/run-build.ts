/**
 * Runs one site's build step by step, as `npm run build` would, and reads back where the time went: each step's
 * wall time and peak memory, Astro's own phase timer (ASTRO_TIMER_PATH) and each integration hook's time
 * (scripts/bench/hook-timer.ts). Used for our site and the Starlight peer alike, so both are measured the same way.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { HookTiming } from './hook-timer.ts';

export interface StepResult {
  command: string;
  ms: number;
  /** Peak resident memory of the step's largest process, in KB (undefined where GNU time is missing). */
  maxRssKB: number | undefined;
  /** User + system CPU time of the step and its children, in ms: steadier than wall time on a busy machine. */
  cpuMs: number | undefined;
  status: number | null;
}

export interface BuildPhases {
  contentCheck: number;
  contentSync: number;
  bundling: number;
  rendering: number;
  /** Every `astro:build:done` hook: the search index (Pagefind) for both sites, and our check-dist beside it. */
  buildDone: number;
  /** The rest of `astro build`: start-up, config, types, copying assets. */
  astroOther: number;
  /** Steps after `astro build` in the build script, by command (none now for either site). */
  after: Record<string, number>;
  total: number;
  /** CPU time of all steps (user + system), in ms, where GNU time is available. */
  cpu: number | undefined;
  peakRssKB: number | undefined;
}

export interface BuildRun {
  phases: BuildPhases;
  steps: StepResult[];
  log: string;
  logLines: number;
}

const TIME = '/usr/bin/time';

/**
 * Replaces the site's astro.config.mjs by one that imports it and times its integrations' hooks, and keeps every
 * cache inside the site (the linked node_modules stays untouched). `timerModule` is the hook timer's path as
 * the site's config imports it.
 */
export function instrumentConfig(site: string, timerModule: string): void {
  const original = join(site, 'astro.config.bench-original.mjs');
  if (!existsSync(original)) renameSync(join(site, 'astro.config.mjs'), original);
  writeFileSync(
    join(site, 'astro.config.mjs'),
    [
      '// Written by npm run bench: the site config, with its integration hooks timed and its caches kept here.',
      "import config from './astro.config.bench-original.mjs';",
      `import { timeIntegrationHooks } from '${timerModule}';`,
      "export default timeIntegrationHooks({ ...config, cacheDir: './.bench-cache', vite: { ...config.vite, cacheDir: './.bench-cache/vite' } });",
      '',
    ].join('\n'),
  );
}

/** The commands of a package.json script joined with `&&`, one step each. */
export function scriptSteps(site: string, script = 'build'): string[] {
  const pkg = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const command = pkg.scripts?.[script];
  if (!command) throw new Error(`${join(site, 'package.json')}: no "${script}" script.`);
  return command.split('&&').map((s) => s.trim()).filter(Boolean);
}

/** Builds `site` from clean (no dist/, no caches) and measures it. `binPath` goes first on PATH. */
export function runBuild(site: string, steps: string[], binPath: string[], label: string): BuildRun {
  for (const d of ['dist', '.astro', '.bench-cache']) rmSync(join(site, d), { recursive: true, force: true });
  const timerFile = join(site, `.bench-timer-${label}.json`);
  const hookFile = join(site, `.bench-hooks-${label}.jsonl`);
  const logFile = join(site, `.bench-${label}.log`);
  for (const f of [timerFile, hookFile, logFile]) rmSync(f, { force: true });
  const env = {
    ...process.env,
    PATH: [...binPath, process.env['PATH'] ?? ''].join(delimiter),
    ASTRO_TIMER_PATH: timerFile,
    // The share images' cache too (src/lib/share-image/render.ts), which is otherwise in the linked node_modules.
    SHARE_IMAGE_CACHE_DIR: join(site, '.bench-cache', 'share-images'),
    BENCH_HOOK_LOG: hookFile,
    // Colour codes would only clutter the saved log.
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
  const hasTime = existsSync(TIME);
  const results: StepResult[] = [];
  const out = openSync(logFile, 'a');
  try {
    for (const command of steps) {
      const rssFile = join(site, '.bench-rss');
      rmSync(rssFile, { force: true });
      const started = performance.now();
      const child = hasTime
        ? spawnSync(TIME, ['-f', '%M %U %S', '-o', rssFile, 'sh', '-c', command], { cwd: site, env, stdio: ['ignore', out, out] })
        : spawnSync('sh', ['-c', command], { cwd: site, env, stdio: ['ignore', out, out] });
      const ms = performance.now() - started;
      // GNU time's last line: "<max RSS KB> <user s> <system s>".
      const [rss, user, system] = (hasTime && existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '' : '').split(' ').map(Number);
      const cpu = (user ?? NaN) + (system ?? NaN);
      results.push({
        command,
        ms,
        maxRssKB: Number.isFinite(rss) ? rss : undefined,
        cpuMs: Number.isFinite(cpu) ? cpu * 1000 : undefined,
        status: child.status,
      });
      if (child.status !== 0) break;
    }
  } finally {
    closeSync(out);
  }
  const log = readFileSync(logFile, 'utf8');
  const failed = results.find((r) => r.status !== 0);
  if (failed) {
    throw new Error(`${label}: "${failed.command}" failed (exit ${failed.status}) in ${site}. Last lines of its log (${logFile}):\n${log.split('\n').slice(-30).join('\n')}`);
  }
  return { phases: phasesOf(results, timerFile, hookFile), steps: results, log, logLines: log.split('\n').length };
}

function phasesOf(steps: StepResult[], timerFile: string, hookFile: string): BuildPhases {
  const timer = existsSync(timerFile)
    ? (JSON.parse(readFileSync(timerFile, 'utf8')) as Record<string, { elapsedTime: number }>)
    : {};
  const t = (name: string) => timer[name]?.elapsedTime ?? 0;
  const hooks: HookTiming[] = existsSync(hookFile)
    ? readFileSync(hookFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as HookTiming)
    : [];
  const hookMs = (test: (h: HookTiming) => boolean) => hooks.filter(test).reduce((s, h) => s + h.ms, 0);
  const contentCheck = hookMs((h) => h.integration === 'content-check');
  const buildDone = hookMs((h) => h.hook === 'astro:build:done');
  const astroStep = steps.find((s) => /\bastro build\b/.test(s.command));
  const bundling = t('Prerender build') + t('SSR build') + t('Client build');
  const rendering = t('Static generate');
  const contentSync = t('Sync content layer');
  const after: Record<string, number> = {};
  let seenAstro = false;
  for (const s of steps) {
    if (s === astroStep) seenAstro = true;
    else if (seenAstro) after[s.command] = s.ms;
  }
  const hookRss = hooks.reduce((m, h) => Math.max(m, h.maxRssKB), 0);
  const stepRss = steps.reduce((m, s) => Math.max(m, s.maxRssKB ?? 0), 0);
  return {
    contentCheck,
    contentSync,
    bundling,
    rendering,
    buildDone,
    astroOther: (astroStep?.ms ?? 0) - contentCheck - contentSync - bundling - rendering - buildDone,
    after,
    total: steps.reduce((s, r) => s + r.ms, 0),
    cpu: steps.every((s) => s.cpuMs !== undefined) ? steps.reduce((s, r) => s + (r.cpuMs ?? 0), 0) : undefined,
    peakRssKB: Math.max(hookRss, stepRss) || undefined,
  };
}
