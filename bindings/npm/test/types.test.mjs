// The TypeScript types: generated from the Rust types, current, true to the core's output,
// and usable (a sample program type-checks under Node's and a bundler's module resolution).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pkgRoot, repoRoot } from './support/fixtures.mjs';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('types/*.d.ts equal the freshly generated ones, and the core\'s output fits them', { timeout: 600_000 }, () => {
  // bindings/wasm's tests: `typescript_is_current` fails on any difference from the committed
  // files (no INTAKE_WRITE_TYPES here); `core_output_fits_the_types` deserializes real output
  // of every entry point into the mirrors with deny_unknown_fields; `options_are_accepted`.
  const env = { ...process.env };
  delete env.INTAKE_WRITE_TYPES;
  const r = run('cargo', ['test', '-q', '-p', 'intake-wasm', '--lib'], { cwd: repoRoot, env });
  assert.equal(r.status, 0, r.output);
});

test('index.d.ts takes every data type from the generated ones', () => {
  const generated = readdirSync(join(pkgRoot, 'types')).filter((n) => n.endsWith('.d.ts'));
  assert.ok(generated.includes('index.d.ts') && generated.length > 20, generated.join(', '));
  const index = readFileSync(join(pkgRoot, 'index.d.ts'), 'utf8');
  assert.match(index, /export type \* from '\.\/types\/index\.js';/);
  // No hand-written interface or type alias of the data: only those about loading, errors,
  // messages and the Standard Schema interfaces.
  assert.deepEqual([...index.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]), [
    'InitInput', 'InitSource', 'IntakeErrorCode', 'MessageCatalog', 'MessageOptions', 'StandardSchemaV1',
    'StandardJSONSchemaV1Converter', 'IntakeIssue', 'IntakeSchemaResult', 'SchemaOptions', 'IntakeSchema',
    'IntakeSchemaProps', 'IntakeFieldSchema', 'IntakeFieldSchemaProps', 'FieldSchemaOptions',
  ]);
});

for (const config of ['tsconfig.json', 'tsconfig.bundler.json', 'tsconfig.strict.json', 'tsconfig.nodom.json']) {
  test(`a sample program type-checks (test/types/${config})`, { timeout: 120_000 }, () => {
    const tsc = join(pkgRoot, 'node_modules/typescript/bin/tsc');
    const r = run(process.execPath, [tsc, '-p', join(pkgRoot, 'test/types', config)], { cwd: pkgRoot });
    assert.equal(r.status, 0, r.output);
  });
}
