/**
 * A minimal static file server, standing in for "any static host": serves a built folder under a base path,
 * with directory index.html files, the site's 404 page, and the headers the build wrote to <dir>/_headers (the
 * Content-Security-Policy among them). `npm start` serves dist/ with it; the browser tests serve both builds.
 *
 * Usage: tsx scripts/serve-static.ts <dir> --base /karabakh/ --port 4322
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileForUrlPath, normaliseBase } from '../src/lib/dist-paths.ts';
import { headersFor, parseHeadersFile } from '../src/lib/publishing/headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: 'string', default: '/' }, port: { type: 'string', default: '4322' }, host: { type: 'string', default: '127.0.0.1' } },
});
const dir = resolve(positionals[0] ?? 'dist');
const base = normaliseBase(values.base);
const headersFile = join(dir, '_headers');
const headerRules = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8'), headersFile) : [];

createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === base.slice(0, -1)) {
    res.writeHead(301, { location: base }).end();
    return;
  }
  const file = fileForUrlPath(dir, pathname, base);
  const status = file ? 200 : 404;
  const body = file ?? join(dir, '404.html');
  const type = TYPES[extname(body)] ?? 'application/octet-stream';
  // Text is sent gzip-compressed to browsers that accept it, as static hosts do (Pagefind's files are compressed
  // already, and PNG and WebAssembly gain nothing).
  const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(status, {
    ...headersFor(headerRules, pathname),
    'content-type': type,
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  const stream = createReadStream(body);
  (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
}).listen(Number(values.port), values.host, () => {
  console.log(`Serving ${dir} at http://${values.host}:${values.port}${base} (${headerRules.length} header rules)`);
});
