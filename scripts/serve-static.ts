/**
 * A minimal static file server, standing in for "any static host": serves a built folder under a base path,
 * with directory index.html files and the site's 404 page. Used by the browser tests for the sub-path build.
 *
 * Usage: tsx scripts/serve-static.ts <dir> --base /karabakh/ --port 4322
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: 'string', default: '/' }, port: { type: 'string', default: '4322' }, host: { type: 'string', default: '127.0.0.1' } },
});
const dir = resolve(positionals[0] ?? 'dist');
const base = values.base.endsWith('/') ? values.base : `${values.base}/`;

function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rel = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
  const path = join(dir, rel);
  if (!path.startsWith(dir)) return undefined;
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return existsSync(index) ? index : undefined;
}

createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === base.slice(0, -1)) {
    res.writeHead(301, { location: base }).end();
    return;
  }
  const file = fileFor(pathname);
  const status = file ? 200 : 404;
  const body = file ?? join(dir, '404.html');
  res.writeHead(status, { 'content-type': TYPES[extname(body)] ?? 'application/octet-stream' });
  createReadStream(body).pipe(res);
}).listen(Number(values.port), values.host, () => {
  console.log(`Serving ${dir} at http://${values.host}:${values.port}${base}`);
});
