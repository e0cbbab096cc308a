// Builds pkg/: cargo (wasm32, profile "wasm") -> wasm-bindgen --target web -> wasm-opt -Os.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const npmDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(npmDir, '../..');
const crateToml = join(root, 'bindings/wasm/Cargo.toml');
const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const pkg = join(npmDir, 'pkg');

function run(cmd, args, opts = {}) {
  console.error(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const kib = (f) => `${(statSync(f).size / 1024).toFixed(1)} KiB`;

// While bindings/wasm has its own [workspace] table it is not a root member, so point
// cargo at its manifest; once it joins the root workspace, plain `-p` from the root works.
const ownWorkspace = /^\[workspace\]/m.test(readFileSync(crateToml, 'utf8'));
run('cargo', [
  'build', '-p', 'intake-wasm',
  ...(ownWorkspace ? ['--manifest-path', crateToml] : []),
  '--target', 'wasm32-unknown-unknown', '--profile', 'wasm',
  '--target-dir', targetDir, // share the root target/ either way
], { cwd: root });

const wasm = join(targetDir, 'wasm32-unknown-unknown/wasm/intake_wasm.wasm');
rmSync(pkg, { recursive: true, force: true });
// index.d.ts is the public typing, so the generated .d.ts files are not needed.
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', pkg, wasm]);

const out = join(pkg, 'intake_wasm_bg.wasm');
const before = kib(out);
// The npm binaryen (Debian's is broken for this); its bin is a Node script.
const wasmOpt = join(npmDir, 'node_modules/binaryen/bin/wasm-opt');
if (!existsSync(wasmOpt)) throw new Error('binaryen not installed: run `npm ci` (or scripts/setup.sh)');
run(process.execPath, [wasmOpt, '-Os', out, '-o', out]);
console.error(`built ${out}: ${kib(wasm)} cargo, ${before} after wasm-bindgen, ${kib(out)} after wasm-opt -Os`);
