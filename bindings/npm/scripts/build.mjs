// Builds the package from source:
//   1. types/*.d.ts: generated from the Rust types by bindings/wasm's tests (ts-rs), which
//      also check them against the core's real output;
//   2. pkg/: cargo (wasm32, profile "wasm") -> wasm-bindgen --target web -> wasm-opt -Os.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const npmDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(npmDir, '../..');
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const pkg = join(npmDir, 'pkg');

function run(cmd, args, opts = {}) {
  console.error(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const kib = (f) => `${(statSync(f).size / 1024).toFixed(1)} KiB`;

// 1. TypeScript types and the English message catalog (rewritten only where they changed).
run('cargo', ['test', '-q', '-p', 'intake-wasm', '--lib', '--', 'types::typescript_is_current', 'messages::messages_are_current'], {
  cwd: root,
  env: { ...process.env, INTAKE_WRITE_TYPES: '1' },
});

// 2. The WASM module and its glue.
run('cargo', [
  'build', '-p', 'intake-wasm',
  '--target', 'wasm32-unknown-unknown', '--profile', 'wasm',
  '--target-dir', targetDir,
], { cwd: root });

const wasm = join(targetDir, 'wasm32-unknown-unknown/wasm/intake_wasm.wasm');
rmSync(pkg, { recursive: true, force: true });
// index.d.ts and types/ are the public typing, so wasm-bindgen's .d.ts files are not needed.
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', pkg, wasm]);

const out = join(pkg, 'intake_wasm_bg.wasm');
const before = kib(out);
// The npm binaryen (Debian's is broken for this); its bin is a Node script.
const wasmOpt = join(npmDir, 'node_modules/binaryen/bin/wasm-opt');
if (!existsSync(wasmOpt)) throw new Error('binaryen not installed: run `npm ci` (or scripts/setup.sh)');
run(process.execPath, [wasmOpt, '-Os', out, '-o', out]);
console.error(`built ${out}: ${kib(wasm)} cargo, ${before} after wasm-bindgen, ${kib(out)} after wasm-opt -Os`);
