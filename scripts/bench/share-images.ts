/**
 * Share-image cost for `npm run bench`: renders N images of article-like titles without the cache and reports
 * wall time and CPU time per image (CPU time is the steadier figure on a shared machine).
 *
 * Usage alone: tsx scripts/bench/share-images.ts [count]
 */
import { renderShareImages } from '../../src/lib/share-image/render.ts';

export interface ShareImageBench {
  images: number;
  wallMsPerImage: number;
  cpuMsPerImage: number;
}

const TITLES = [
  'Azerbaijan-Armenia confrontation: Will there be a new escalation? Playing with the fire',
  'Tension escalating in Azerbaijan as military action could be imminent, following the breakdown of negotiations over Nagorno-Karabakh.',
  'Stepanakert / Khankendi',
  'New outbreak of violence at Azerbaijan border claims lives of four Armenian soldiers',
];

export async function benchShareImages(count = 200): Promise<ShareImageBench> {
  const inputs = Array.from({ length: count }, (_, i) => ({ page: `/bench/${i}/`, kind: 'Article, annotated', detail: `Outlet ${i} · 1 September 2023`, title: `${TITLES[i % TITLES.length] ?? ''} (${i})` }));
  const cpu = process.cpuUsage();
  const report = await renderShareImages(inputs, { cacheDir: undefined });
  const used = process.cpuUsage(cpu);
  return { images: count, wallMsPerImage: report.ms / count, cpuMsPerImage: (used.user + used.system) / 1000 / count };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchShareImages(Number(process.argv[2] ?? 200));
  console.log(`share images (600×315): ${r.images} rendered, ${r.wallMsPerImage.toFixed(1)} ms wall and ${r.cpuMsPerImage.toFixed(1)} ms CPU per image`);
}
