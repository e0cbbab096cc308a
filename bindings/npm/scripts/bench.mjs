// intake's npm package against a plain JavaScript stack doing the same work (zod +
// validator.js + libphonenumber-js/max + card-validator, bench/peer.mjs), in one run:
// per-record and per-field speed in Node and in headless Chromium, package size (gzip and
// brotli), and cold start in Node and in Chromium (main thread, `intake/worker`, JS stack;
// with the longest time the page's main thread was blocked). The records are the valid cases of the repository's
// fixtures/profiles (Atoa, Juicyway, and Paydock card records).
//
//   npm run build && npm run bench [-- --quick] [-- --no-browser]
//
// Prints Markdown and writes ../../target/bench/npm.json for scripts/bench-report.py.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const npmDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(npmDir, '../..');
const self = fileURLToPath(import.meta.url);
const TODAY = '2026-11-22';
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const RUNS = quick ? 1 : 7;
const MS = quick ? 40 : 250;
const COLD = quick ? 2 : 9;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------
// Child mode: one cold Node process, one first call, printed as JSON.
if (args[0] === '--child') {
  const [, side, kind] = args;
  const record = JSON.parse(args[3]);
  const t0 = performance.now();
  let first;
  if (side === 'intake') {
    const intake = await import(pathToFileURL(join(npmDir, 'index.js')).href);
    await intake.init();
    const t1 = performance.now();
    intake.validate(kind, record, { today: TODAY });
    const t2 = performance.now();
    first = { load: t1 - t0, call: t2 - t1, total: t2 - t0 };
  } else {
    const peer = await import(pathToFileURL(join(npmDir, 'bench/peer.mjs')).href);
    const t1 = performance.now();
    peer.validate(kind, record);
    const t2 = performance.now();
    first = { load: t1 - t0, call: t2 - t1, total: t2 - t0 };
  }
  console.log(JSON.stringify(first));
  process.exit(0);
}

// ---------------------------------------------------------------------------
// The data: valid records of the profile fixtures, and field values taken from them.
function fixture(provider) {
  return JSON.parse(readFileSync(join(root, 'fixtures/profiles', `${provider}.json`), 'utf8'));
}
const validRecords = (file) => file.cases.filter((c) => c.valid && c.record !== undefined && !c.options);
const paydock = fixture('paydock');
const data = {
  records: {
    atoa: validRecords(fixture('atoa')).map((c) => c.record),
    juicyway: validRecords(fixture('juicyway')).map((c) => c.record),
    // As the native bench: flow 1 card records with no optional field that Paydock disregards.
    paydock_card: validRecords(paydock)
      .filter((c) => c.record?.payment_source?.card_number !== undefined)
      .filter((c) => !c.warnings.some((w) => w.code === 'field.ignored'))
      .map((c) => c.record),
  },
  fields: {},
};
const fieldValues = (records, get) => [...new Set(records.map(get).filter((v) => typeof v === 'string'))];
for (const [key, provider, pointer, get] of [
  ['atoa/email', 'atoa', '/email', (r) => r.email],
  ['atoa/postcode', 'atoa', '/postcode', (r) => r.postcode],
  ['atoa/vatNumber', 'atoa', '/vatNumber', (r) => r.vatNumber],
  ['juicyway/phone', 'juicyway', '/phone', (r) => r.phone],
  ['paydock/payment_source/card_number', 'paydock', '/payment_source/card_number', (r) => r.payment_source?.card_number],
]) {
  const set = provider === 'paydock' ? data.records.paydock_card : data.records[provider];
  data.fields[key] = { provider, pointer, values: fieldValues(set, get) };
}
// A phone must carry its country code when checked alone.
data.fields['juicyway/phone'].values = data.fields['juicyway/phone'].values.filter((v) => v.trim().startsWith('+'));

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const result = { date: new Date().toISOString(), node: process.versions.node, quick, load_start: loadavg() };

// ---------------------------------------------------------------------------
// Node.
const intake = await import(pathToFileURL(join(npmDir, 'index.js')).href);
await intake.init();
const { runSuite } = await import(pathToFileURL(join(npmDir, 'bench/suite.mjs')).href);
console.error('node: measuring ...');
result.node_rows = runSuite({ intake, data, today: TODAY, runs: RUNS, ms: MS });

// ---------------------------------------------------------------------------
// Headless Chromium (Debian's /usr/bin/chromium through playwright-core, as the browser tests).
if (!args.includes('--no-browser')) {
  const esbuild = await import('esbuild');
  const outDir = join(npmDir, 'test-output/bench');
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(npmDir, 'bench/suite.mjs')], bundle: true, format: 'esm', platform: 'browser',
    target: 'es2022', outfile: join(outDir, 'suite.js'), logLevel: 'error',
  });
  const { chromium } = await import('playwright-core');
  const { serve, close } = await import(pathToFileURL(join(npmDir, 'scripts/serve.mjs')).href);
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const profileDir = await mkdtemp(join(tmpdir(), 'intake-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, timeout: 30_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    // Cold start in the page, a fresh load each time: importing (intake: and init()), then the
    // first Juicyway record with a phone; for intake on the main thread and through
    // `intake/worker`, and for the JS stack (bench/peer.mjs bundled as for the size below).
    // Each is loaded twice: once timed, once with a heartbeat on the main thread (a
    // MessageChannel ping-pong) whose longest gap is the longest the page was frozen.
    await esbuild.build({
      entryPoints: [join(npmDir, 'bench/peer.mjs')], bundle: true, minify: true, format: 'esm', platform: 'browser',
      target: 'es2022', outfile: join(outDir, 'peer.js'), logLevel: 'error',
    });
    // `idle`: the heartbeat over 40 ms of nothing, the floor the machine's own noise sets.
    const sides = { intake: '/index.js', worker: '/worker.js', peer: '/test-output/bench/peer.js', idle: null };
    const coldSamples = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
    for (let i = 0; i < COLD; i++) {
      for (const [side, url] of Object.entries(sides)) {
        for (const heartbeat of side === 'idle' ? [true] : [false, true]) {
          await page.goto(`${base}/bench/page.html?cold=${i}`);
          const sample = await page.evaluate(async ({ side, url, heartbeat, record, today }) => {
            let stop = () => null;
            if (heartbeat) {
              const ch = new MessageChannel();
              let last = performance.now();
              let max = 0;
              let on = true;
              ch.port1.onmessage = () => {
                const t = performance.now();
                max = Math.max(max, t - last);
                last = t;
                if (on) ch.port2.postMessage(0);
              };
              ch.port2.postMessage(0);
              stop = () => { on = false; return Math.max(max, performance.now() - last); };
            }
            if (side === 'idle') {
              await new Promise((done) => setTimeout(done, 40));
              return { block: stop() };
            }
            const t0 = performance.now();
            const m = await import(url);
            if (side !== 'peer') await m.init();
            const t1 = performance.now();
            const outcome = await (side === 'peer' ? m.validate('juicyway', record) : m.validate('juicyway', record, { today }));
            const t2 = performance.now();
            const block = stop();
            if (outcome?.valid !== true) throw new Error(`${side}: the record is not valid`);
            return { load: t1 - t0, call: t2 - t1, total: t2 - t0, block };
          }, { side, url, heartbeat, record: data.records.juicyway[0], today: TODAY });
          if (heartbeat) coldSamples[side].push({ block: sample.block });
          else Object.assign(coldSamples[side][coldSamples[side].push({}) - 1], sample, { block: undefined });
        }
      }
    }
    const pick = (list, k) => median(list.map((s) => s[k]).filter((v) => v !== undefined));
    result.browser_cold_all = Object.fromEntries(Object.entries(coldSamples).map(([side, list]) => [side, {
      load: pick(list, 'load'), call: pick(list, 'call'), total: pick(list, 'total'), block: pick(list, 'block'), runs: COLD,
    }]));
    // The earlier report's line (intake on the main thread).
    result.browser_cold = result.browser_cold_all.intake;
    await page.goto(`${base}/bench/page.html`);
    result.browser = await page.evaluate(() => navigator.userAgent);
    console.error('chromium: measuring ...');
    result.browser_rows = await page.evaluate(async ({ data, today, runs, ms }) => {
      const intake = await import('/index.js');
      await intake.init();
      const { runSuite } = await import('/test-output/bench/suite.js');
      return runSuite({ intake, data, today, runs, ms });
    }, { data, today: TODAY, runs: RUNS, ms: MS });
  } finally {
    await context.close().catch(() => {});
    await close(server);
    await rm(profileDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Size: what a page downloads. intake: the .wasm, the wasm-bindgen glue, index.js and load.js;
// the JS stack: bench/peer.mjs bundled and minified by esbuild for browsers.
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const files = ['pkg/intake_wasm_bg.wasm', 'pkg/intake_wasm.js', 'index.js', 'load.js'];
result.size = { intake: {}, peer: {}, intake_extra: {} };
for (const f of files) result.size.intake[f] = sizes(readFileSync(join(npmDir, f)));
// Downloaded only in some setups: the inlined .wasm (where no bundler carried the file along,
// instead of it) and the worker entry (with `intake/worker`, in addition).
for (const f of ['pkg/intake_wasm_inline.js', 'worker.js', 'pkg/intake_worker_code.js']) {
  result.size.intake_extra[f] = sizes(readFileSync(join(npmDir, f)));
}
result.size.intake.total = ['raw', 'gzip', 'brotli'].reduce(
  (t, k) => ({ ...t, [k]: files.reduce((s, f) => s + result.size.intake[f][k], 0) }), {});
{
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    entryPoints: [join(npmDir, 'bench/peer.mjs')], bundle: true, minify: true, format: 'esm', platform: 'browser',
    target: 'es2022', write: false, metafile: true, logLevel: 'error',
  });
  const buf = Buffer.from(built.outputFiles[0].contents);
  result.size.peer.bundle = sizes(buf);
  const perPackage = {};
  for (const [path, input] of Object.entries(built.metafile.outputs[Object.keys(built.metafile.outputs)[0]].inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const name = m ? m[1] : 'bench/peer.mjs';
    perPackage[name] = (perPackage[name] ?? 0) + input.bytesInOutput;
  }
  result.size.peer.perPackage = perPackage;
}

// ---------------------------------------------------------------------------
// Cold start in Node: a fresh process imports, (intake) init()s, and validates one record.
const juicywayRecord = JSON.stringify(data.records.juicyway[0]);
const atoaNoPhone = JSON.stringify({ fullName: 'Ada Lovelace', email: 'ada@example.com', postcode: 'sw1a1aa' });
result.cold = {};
for (const [name, side, kind, record] of [
  ['intake, Juicyway record (with a phone)', 'intake', 'juicyway', juicywayRecord],
  ['JS stack, Juicyway record (with a phone)', 'peer', 'juicyway', juicywayRecord],
  ['intake, Atoa record without a phone', 'intake', 'atoa', atoaNoPhone],
  ['JS stack, Atoa record without a phone', 'peer', 'atoa', atoaNoPhone],
]) {
  const samples = [];
  for (let i = 0; i < COLD; i++) {
    const r = spawnSync(process.execPath, [self, '--child', side, kind, record], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    samples.push(JSON.parse(r.stdout));
  }
  result.cold[name] = {
    load: median(samples.map((s) => s.load)), call: median(samples.map((s) => s.call)),
    total: median(samples.map((s) => s.total)), runs: samples.length,
  };
}

// ---------------------------------------------------------------------------
const readVersion = (p) => JSON.parse(readFileSync(join(npmDir, 'node_modules', p, 'package.json'), 'utf8')).version;
result.versions = Object.fromEntries(
  ['zod', 'libphonenumber-js', 'validator', 'card-validator', 'esbuild', 'playwright-core'].map((p) => [p, readVersion(p)]));
result.load_end = loadavg();
const outDir = join(root, 'target/bench');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'npm.json'), JSON.stringify(result, null, 1));

const us = (ns) => (ns / 1000).toFixed(ns < 10_000 ? 2 : 1);
const table = (rows) => [
  '| comparison | items | intake µs | JS stack µs | intake / JS | accepted (intake, JS) |',
  '|---|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| \`${r.id}\` | ${r.items} | ${us(r.intakeNs)} | ${us(r.peerNs)} | ${r.ratio.toFixed(2)} | ${r.accepted.intake}, ${r.accepted.peer} |`),
].join('\n');
console.log(`### Node ${process.versions.node}\n\n${table(result.node_rows)}\n`);
if (result.browser_rows) console.log(`### ${result.browser}\n\n${table(result.browser_rows)}\n`);
console.log(JSON.stringify({ size: result.size, cold: result.cold, browser_cold: result.browser_cold_all }, null, 1));
