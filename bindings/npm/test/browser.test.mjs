// Proves the browser path: demo/index.html imports ../index.js, which fetches the .wasm
// from a real HTTP server (application/wasm, so streaming instantiation works).
// Run by `npm run test:browser`; skipped by `npm test` (which also globs this folder).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const pkgRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

// Serves pkgRoot read-only on 127.0.0.1 at a random port.
async function serve() {
  const server = createServer(async (req, res) => {
    const file = resolve(pkgRoot, '.' + decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(pkgRoot + sep)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
  return server;
}

test('demo page validates in headless Chromium', {
  skip: process.env.npm_lifecycle_event === 'test' && 'browser test: run `npm run test:browser`',
  timeout: 90_000,
}, async () => {
  const { chromium } = await import('playwright-core');
  const server = await serve();
  const profile = await mkdtemp(join(tmpdir(), 'intake-chromium-'));
  let context;
  try {
    // Fresh profile each run; launchPersistentContext because launch() rejects --user-data-dir.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      timeout: 30_000,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = context.pages()[0] ?? await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));

    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/demo/index.html`, { timeout: 20_000 });
    const out = page.locator('#out[data-state]');
    await out.waitFor({ timeout: 20_000 });

    await mkdir(join(pkgRoot, 'test-output'), { recursive: true });
    await page.screenshot({ path: join(pkgRoot, 'test-output', 'browser-demo.png'), fullPage: true });

    const text = await out.textContent();
    assert.equal(await out.getAttribute('data-state'), 'done', `${text}\n${problems.join('\n')}`);
    // PLACEHOLDER assertion on the echo crate; replace with a real outcome later.
    assert.deepEqual(JSON.parse(text).args, ['atoa', { email: 'ada@example.com' }, { today: '2025-01-31' }]);
    assert.deepEqual(problems, []);
  } finally {
    await context?.close().catch(() => {});
    await new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections(); // drop the browser's keep-alive sockets so close() returns
    });
    await rm(profile, { recursive: true, force: true });
  }
});
