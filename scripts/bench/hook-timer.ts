/**
 * For the benchmark only: wraps every integration's hooks in an Astro config so that the time each one takes is
 * recorded (the content check runs in `astro:config:setup`, the search index and check-dist in `astro:build:done`), together
 * with the build process's peak memory. Each finished hook appends one JSON line to the file named by
 * BENCH_HOOK_LOG; without it the config is returned untouched.
 */
import { appendFileSync } from 'node:fs';
import type { AstroIntegration, AstroUserConfig } from 'astro';

export interface HookTiming {
  integration: string;
  hook: string;
  ms: number;
  /** Peak resident memory of the build process so far, in KB. */
  maxRssKB: number;
}

type Hook = (...args: unknown[]) => unknown;

export function timeIntegrationHooks(config: AstroUserConfig, log = process.env['BENCH_HOOK_LOG']): AstroUserConfig {
  if (!log) return config;
  const wrap = (integration: AstroIntegration): AstroIntegration => ({
    ...integration,
    hooks: Object.fromEntries(
      Object.entries(integration.hooks).map(([hook, fn]) => [
        hook,
        async (...args: unknown[]) => {
          const started = performance.now();
          try {
            return await (fn as Hook)(...args);
          } finally {
            const record: HookTiming = {
              integration: integration.name,
              hook,
              ms: performance.now() - started,
              maxRssKB: process.resourceUsage().maxRSS,
            };
            appendFileSync(log, `${JSON.stringify(record)}\n`);
          }
        },
      ]),
    ),
  });
  const integrations = (config.integrations ?? []).flat(Infinity as 1).filter(Boolean) as AstroIntegration[];
  return { ...config, integrations: integrations.map(wrap) };
}
