// Measures the npm package: sizes of the .wasm and the JS glue, load time, first-call
// times (phone metadata is parsed lazily, on the first phone number), and calls per second
// in Node. Prints a Markdown section; `--write` puts it in the repository's BENCHMARKS.md
// under "## npm package" (replacing that section only).
//
//   npm run build && npm run measure [-- --write]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const npmDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(npmDir, '../..');
const self = fileURLToPath(import.meta.url);
const TODAY = '2026-11-22';

const RECORDS = {
  // No phone: the first call does not touch the phone metadata.
  atoaEmail: ['atoa', { fullName: 'Ada Lovelace', email: 'ada@example.com', postcode: 'sw1a1aa' }],
  atoaPhone: ['atoa', {
    fullName: 'John Doe', email: 'john.doe@example.com', phoneCountryCode: '44', phoneNumber: '07911 123456',
    address: '123 High Street', city: 'London', postcode: 'SW1A 1AA', vatNumber: 'GB 980 7806 84',
  }],
  juicyway: ['juicyway', {
    first_name: 'Ada', last_name: 'Obi', email: 'ada@example.com', phone: '+234 801 234 5678', type: 'individual',
    billing_address: { line1: '1 Marina', city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'NG' },
  }],
};

// ---------------------------------------------------------------------------
// Child mode: one cold process, one measurement, printed as JSON.
if (process.argv[2] === '--child') {
  const mode = process.argv[3];
  const t0 = performance.now();
  const intake = await import(pathToFileURL(join(npmDir, 'index.js')).href);
  const t1 = performance.now();
  await intake.init();
  const t2 = performance.now();
  const time = (f) => {
    const s = performance.now();
    f();
    return performance.now() - s;
  };
  const out = { import: t1 - t0, init: t2 - t1 };
  const [p, r] = RECORDS.atoaEmail;
  const [pp, rp] = RECORDS.atoaPhone;
  if (mode === 'no-phone-first') {
    out.first = time(() => intake.validate(p, r, { today: TODAY }));
    out.second = time(() => intake.validate(p, r, { today: TODAY }));
    out.firstPhoneAfter = time(() => intake.validate(pp, rp, { today: TODAY }));
  } else if (mode === 'phone-first') {
    out.first = time(() => intake.validate(pp, rp, { today: TODAY }));
    out.second = time(() => intake.validate(pp, rp, { today: TODAY }));
  } else if (mode === 'check-first') {
    out.first = time(() => intake.checkField('juicyway', '/phone', '+234 801 234 5678', { partial: true, today: TODAY }));
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

// ---------------------------------------------------------------------------
const wasmFile = join(npmDir, 'pkg/intake_wasm_bg.wasm');
if (!existsSync(wasmFile)) {
  console.error('measure: pkg/ is missing: run `npm run build` first');
  process.exit(1);
}

function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
/** Bytes of the code and data sections of a .wasm. */
function sections(file) {
  const b = readFileSync(file);
  let i = 8;
  const leb = () => {
    let r = 0;
    let shift = 0;
    let x;
    do {
      x = b[i++];
      r += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return r;
  };
  const out = { code: 0, data: 0 };
  while (i < b.length) {
    const id = b[i++];
    const n = leb();
    if (id === 10) out.code += n;
    if (id === 11) out.data += n;
    i += n;
  }
  return out;
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${n.toFixed(n < 1 ? 3 : 1)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function child(mode, runs) {
  const results = [];
  for (let i = 0; i < runs; i += 1) {
    const r = spawnSync(process.execPath, [self, '--child', mode], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`child ${mode}: ${r.stderr}`);
    results.push(JSON.parse(r.stdout));
  }
  const keys = Object.keys(results[0]);
  return Object.fromEntries(keys.map((k) => [k, median(results.map((x) => x[k]))]));
}

/** Calls per second of `f`, over about `seconds`, after a warm-up. */
function rate(f, seconds = 1.5) {
  for (let i = 0; i < 200; i += 1) f();
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i += 1) f();
    n += 100;
  }
  return n / ((performance.now() - start) / 1000);
}

const RUNS = 7;
const wasm = sizes(wasmFile);
const glue = sizes(join(npmDir, 'pkg/intake_wasm.js'));
const entry = sizes(join(npmDir, 'index.js'));
const parts = sections(wasmFile);
const cargoWasm = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm32-unknown-unknown/wasm/intake_wasm.wasm');
const cargoSize = existsSync(cargoWasm) ? statSync(cargoWasm).size : null;

const noPhone = child('no-phone-first', RUNS);
const phoneFirst = child('phone-first', RUNS);
const checkFirst = child('check-first', RUNS);

const intake = await import(pathToFileURL(join(npmDir, 'index.js')).href);
await intake.init();
const opts = { today: TODAY };
const typing = { partial: true, today: TODAY };
const batch = Array.from({ length: 1000 }, (_, i) => ({ ...RECORDS.juicyway[1], email: `user${i}@example.com` }));
const rates = {
  validateAtoa: rate(() => intake.validate(...RECORDS.atoaPhone, opts)),
  validateAtoaEmail: rate(() => intake.validate(...RECORDS.atoaEmail, opts)),
  validateJuicyway: rate(() => intake.validate(...RECORDS.juicyway, opts)),
  checkPostcode: rate(() => intake.checkField('atoa', '/postcode', 'SW1A 1', typing)),
  checkEmail: rate(() => intake.checkField('atoa', '/email', 'ada@example.co', typing)),
  checkPhone: rate(() => intake.checkField('juicyway', '/phone', '+234 801 234 56', typing)),
  rawValidate: rate(() => intake.raw.validate('juicyway', JSON.stringify(RECORDS.juicyway[1]), '{"today":"2026-11-22"}')),
  batchRecords: rate(() => intake.validateBatch('juicyway', batch, opts), 3) * batch.length,
};

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
const load = loadavg()[0].toFixed(1);
const lines = [
  '## npm package',
  '',
  `Measured by \`npm run measure\` in \`bindings/npm\` (scripts/measure.mjs) on ${new Date().toISOString().slice(0, 10)}: ` +
    `Node ${process.versions.node}, ${cpu}, ${cpus().length} cores (load average ${load} at the end: other work shares the machine); the build of \`npm run build\` ` +
    '(cargo profile `wasm`: opt-level "s", fat LTO, one codegen unit, panic=abort; then wasm-bindgen ' +
    '`--target web` and binaryen\'s `wasm-opt -Os` from npm). Times are medians of ' +
    `${RUNS} fresh Node processes; rates are single-threaded, warm, over about 1.5 s each.`,
  '',
  '### Size',
  '',
  '| file | raw | gzip -9 | brotli -11 |',
  '|---|---:|---:|---:|',
  `| \`pkg/intake_wasm_bg.wasm\` | ${kib(wasm.raw)} | ${kib(wasm.gzip)} | ${kib(wasm.brotli)} |`,
  `| \`pkg/intake_wasm.js\` (wasm-bindgen glue) | ${kib(glue.raw)} | ${kib(glue.gzip)} | ${kib(glue.brotli)} |`,
  `| \`index.js\` (the package's entry) | ${kib(entry.raw)} | ${kib(entry.gzip)} | ${kib(entry.brotli)} |`,
  ...(cargoSize ? [`| cargo's \`intake_wasm.wasm\`, before wasm-bindgen and wasm-opt | ${kib(cargoSize)} | | |`] : []),
  '',
  `Of the .wasm, ${kib(parts.data)} are data segments and ${kib(parts.code)} code. Most of both is the`,
  '`phonenumber` crate, which the spec requires ("valid for its region by libphonenumber\'s metadata"): its',
  'metadata, and the regex engine it matches numbers with. wasm-opt `-Oz` or `-O3` instead of `-Os` changes',
  'the size by under 1% (the data dominates).',
  '',
  '### Start-up (Node, cold process)',
  '',
  '| step | time |',
  '|---|---:|',
  `| \`import\` of index.js (glue only) | ${ms(noPhone.import)} |`,
  `| \`await init()\`: read, compile and instantiate the .wasm | ${ms(noPhone.init)} |`,
  `| first \`validate\`, a record without a phone | ${ms(noPhone.first)} |`,
  `| second \`validate\`, the same record | ${ms(noPhone.second)} |`,
  `| first \`validate\` with a phone, after one without (loads the phone metadata) | ${ms(noPhone.firstPhoneAfter)} |`,
  `| first \`validate\` with a phone, as the very first call | ${ms(phoneFirst.first)} |`,
  `| second \`validate\` with a phone | ${ms(phoneFirst.second)} |`,
  `| first \`checkField\` of a phone, as the very first call | ${ms(checkFirst.first)} |`,
  '',
  'The first phone number of a process pays for reading the phone metadata and compiling its',
  'patterns (the `phonenumber` crate does this lazily, once). A form can take that off the first',
  'keystroke by checking any phone once when idle after `init()`, as the demo page does.',
  '',
  '### Throughput (Node, warm, through the public JS functions: JSON.stringify in, JSON.parse out)',
  '',
  '| call | calls/s | per call |',
  '|---|---:|---:|',
  `| \`validate\` Atoa, full record with phone and VAT | ${fmt(rates.validateAtoa)} | ${ms(1000 / rates.validateAtoa)} |`,
  `| \`validate\` Atoa, name + email + postcode | ${fmt(rates.validateAtoaEmail)} | ${ms(1000 / rates.validateAtoaEmail)} |`,
  `| \`validate\` Juicyway, full record | ${fmt(rates.validateJuicyway)} | ${ms(1000 / rates.validateJuicyway)} |`,
  `| \`raw.validate\` Juicyway (JSON text both ways) | ${fmt(rates.rawValidate)} | ${ms(1000 / rates.rawValidate)} |`,
  `| \`checkField\` postcode, typing | ${fmt(rates.checkPostcode)} | ${ms(1000 / rates.checkPostcode)} |`,
  `| \`checkField\` email, typing | ${fmt(rates.checkEmail)} | ${ms(1000 / rates.checkEmail)} |`,
  `| \`checkField\` phone, typing | ${fmt(rates.checkPhone)} | ${ms(1000 / rates.checkPhone)} |`,
  `| \`validateBatch\` Juicyway, 1,000 records per call | ${fmt(rates.batchRecords)} records/s | ${ms(1000 / rates.batchRecords)} per record |`,
  '',
];
const section = lines.join('\n');
console.log(section);

if (process.argv.includes('--write')) {
  const file = join(root, 'BENCHMARKS.md');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = before.search(/^## npm package\s*$/m);
  let after;
  if (start === -1) {
    after = `${before.trimEnd()}\n\n${section}`;
  } else {
    const rest = before.slice(start + 1);
    const next = rest.search(/^## /m);
    after = before.slice(0, start) + section + (next === -1 ? '' : `\n${rest.slice(next)}`);
  }
  writeFileSync(file, `${after.trimEnd()}\n`);
  console.error(`measure: wrote the "npm package" section of ${file}`);
}
