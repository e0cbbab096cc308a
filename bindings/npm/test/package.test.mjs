// The package as npm ships it: the tarball's contents (`npm pack --dry-run --json`), then the
// tarball installed in a fresh folder and used as users do, from Node ESM (`import`) and
// CommonJS (`require`), with TypeScript checking both against the shipped declarations.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as intake from '../index.js';
import { pkgRoot } from './support/fixtures.mjs';

const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, encoding: 'utf8', stdio: 'pipe' });
const manifest = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8'));
const TODAY = '2026-11-22';
const RECORD = {
  first_name: 'Ada', last_name: 'Obi', email: 'ada@example.com', phone: '0801 234 5678', type: 'individual',
  billing_address: { line1: '1 Marina', city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'NG' },
};

test('the tarball holds the code, the types, the .wasm (and its inlined copy), the worker, the CommonJS entry and both licenses', () => {
  const [{ files }] = JSON.parse(npm(['pack', '--dry-run', '--json'], pkgRoot));
  const paths = files.map((f) => f.path).sort();
  for (const required of [
    'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'package.json', 'index.js', 'index.d.ts', 'load.js', 'worker.js',
    'worker.d.ts', 'wasm.js', 'wasm.d.ts', 'dist/index.cjs', 'dist/index.d.cts', 'types/index.d.ts',
    'pkg/intake_wasm.js', 'pkg/intake_wasm_bg.wasm', 'pkg/intake_wasm_inline.js', 'pkg/intake_worker_code.js',
  ]) assert.ok(paths.includes(required), `${required} in the tarball`);
  // Nothing else: no tests, scripts, demo, sources of generated files or node_modules.
  const unexpected = paths.filter((p) => !/^(types\/\w+\.d\.ts|messages\/\w+\.(js|d\.ts)$|pkg\/|dist\/|[\w-]+\.(js|d\.ts|json|md)$|LICENSE-)/.test(p) || /^(test|scripts|demo|bench)\//.test(p));
  assert.deepEqual(unexpected, []);
  assert.ok(!paths.includes('worker-thread.js'), 'worker-thread.js ships bundled, in pkg/intake_worker_code.js');
  // Every target named in "exports" ships.
  const targets = (v) => (typeof v === 'string' ? [v.slice(2)] : Object.values(v).flatMap(targets));
  const named = [...new Set(targets(manifest.exports))];
  assert.ok(named.length >= 10, named.join(', '));
  for (const t of named) assert.ok(paths.includes(t), `exports target ${t} in the tarball`);
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  assert.match(readFileSync(join(pkgRoot, 'LICENSE-MIT'), 'utf8'), /^(MIT License\n\n)?Copyright .*\n\nPermission is hereby granted, free of charge/);
  assert.match(readFileSync(join(pkgRoot, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0, January 2004[\s\S]+END OF TERMS AND CONDITIONS/);
  // The repository root holds the same two files.
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) {
    assert.equal(readFileSync(join(pkgRoot, f), 'utf8'), readFileSync(join(pkgRoot, '../..', f), 'utf8'), f);
  }
});

test('the inlined .wasm is the same module as the file', async () => {
  const { default: bytes } = await import('../pkg/intake_wasm_inline.js');
  assert.ok(Buffer.from(bytes).equals(readFileSync(join(pkgRoot, 'pkg/intake_wasm_bg.wasm'))));
});

let app;
before(() => {
  app = mkdtempSync(join(tmpdir(), 'intake-installed-'));
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--pack-destination', app], pkgRoot));
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  npm(['install', '--no-package-lock', join(app, filename)], app);
});
after(() => app && rmSync(app, { recursive: true, force: true }));

const run = (file, source) => {
  writeFileSync(join(app, file), source);
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' }));
};

test('installed from the tarball: `import` in Node ESM', async () => {
  await intake.init();
  const out = run('esm.mjs', `
    import { init, validate, checkField } from "intake";
    import wasmUrl from "intake/wasm";
    await init();
    console.log(JSON.stringify({ outcome: validate("juicyway", ${JSON.stringify(RECORD)}, { today: "${TODAY}" }),
      field: checkField("atoa", "/postcode", "SW1A", { partial: true }).state, wasmUrl }));`);
  assert.deepEqual(out.outcome, intake.validate('juicyway', RECORD, { today: TODAY }));
  assert.equal(out.outcome.normalized.phone, '+2348012345678');
  assert.equal(out.field, 'incomplete');
  assert.match(out.wasmUrl, /^file:\/\/.*\/node_modules\/intake\/pkg\/intake_wasm_bg\.wasm$/);
});

test('installed from the tarball: `require` in CommonJS', async () => {
  await intake.init();
  const out = run('cjs.cjs', `
    const intake = require("intake");
    let before;
    try { intake.validate("atoa", {}); } catch (e) { before = e.message; }
    intake.init().then(() => {
      let code;
      try { intake.validate("nope", {}); } catch (e) { code = e instanceof intake.IntakeError && e.code; }
      console.log(JSON.stringify({ before, code, outcome: intake.validate("juicyway", ${JSON.stringify(RECORD)}, { today: "${TODAY}" }),
        file: require.resolve("intake") }));
    });`);
  assert.match(out.before, /call `await init\(\)` first/);
  assert.equal(out.code, 'provider.unknown');
  assert.deepEqual(out.outcome, intake.validate('juicyway', RECORD, { today: TODAY }));
  assert.match(out.file, /node_modules\/intake\/dist\/index\.cjs$/);
});

test('installed from the tarball: TypeScript checks `require`, `import`, `intake/worker`, `intake/wasm` and the .wasm export', { timeout: 120_000 }, () => {
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [] },
    files: ['typed.cts', 'typed.mts'],
  }));
  writeFileSync(join(app, 'typed.cts'), `
    import intake = require("intake");
    export async function main(): Promise<string | undefined> {
      await intake.init();
      const outcome = intake.validate("atoa", { fullName: "Ada" });
      // @ts-expect-error: a payload exists only on a valid outcome
      outcome.normalized.fullName;
      return outcome.valid ? outcome.normalized.fullName : outcome.errors[0]?.code;
    }`);
  writeFileSync(join(app, 'typed.mts'), `
    import { init, validate, type Outcome } from "intake";
    import * as inWorker from "intake/worker";
    import wasmUrl from "intake/wasm";
    import wasmFile from "intake/intake_wasm_bg.wasm"; // as a bundler's file loader gives it
    await init(wasmUrl);
    await init(new URL(wasmFile, "https://example.com/"));
    const here: Outcome = validate("stax", { firstname: "Ada" });
    const there: Outcome = await inWorker.validate("stax", { firstname: "Ada" });
    // @ts-expect-error: the worker's functions return promises
    const notAwaited: Outcome = inWorker.validate("stax", {});
    const phone: string | null = await inWorker.formatPhone("+442079460018", "national");
    try { await inWorker.checkField("atoa", "/nope", ""); } catch (e) { if (e instanceof inWorker.IntakeError) e.code; }
    inWorker.terminate();
    export { here, there, notAwaited, phone };`);
  const tsc = join(pkgRoot, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', app], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});

test('intake/worker outside a browser: a clear error, not a crash', async () => {
  const worker = await import('../worker.js');
  await assert.rejects(worker.validate('atoa', {}), /intake\/worker: this environment has no Web Worker/);
});
