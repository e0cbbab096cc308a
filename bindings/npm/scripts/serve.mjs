// Serves the package folder read-only on 127.0.0.1, so that demo/index.html loads
// ../index.js and fetches the .wasm over HTTP as a page would (application/wasm, so
// streaming instantiation works). `npm run demo` runs it and prints the demo's URL;
// the browser tests import serve().
//
//   npm run demo                # port 8080, or the next free one
//   PORT=0 npm run demo         # any free port
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const pkgRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** Starts the server on 127.0.0.1:`port` (0: any free port); resolves to the http.Server. */
export async function serve(port = 0, root = pkgRoot) {
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') return res.writeHead(302, { location: '/demo/' }).end();
    if (path.endsWith('/')) path += 'index.html';
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root + sep) || file.includes(`${sep}node_modules${sep}`)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return server;
}

/** Closes the server, dropping keep-alive sockets so close() returns. */
export function close(server) {
  return new Promise((ok) => {
    server.close(ok);
    server.closeAllConnections();
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const wanted = Number(process.env.PORT ?? 8080);
  let server;
  for (let port = wanted; !server; port = port === 0 ? 0 : port + 1) {
    try {
      server = await serve(port);
    } catch (e) {
      if (e.code !== 'EADDRINUSE' || port - wanted > 20) throw e;
    }
  }
  const { port } = server.address();
  console.log(`intake demo: http://127.0.0.1:${port}/demo/  (serving ${pkgRoot}; Ctrl-C to stop)`);
  process.on('SIGINT', () => close(server).then(() => process.exit(0)));
}
