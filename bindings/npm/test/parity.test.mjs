// Native/WASM parity over every fixture file: the WASM build, in Node, must give the
// native core's output byte for byte. The native side is the example
// crates/intake-conformance/examples/dump_fixtures.rs (one JSON line per case, with the exact texts
// it handed the core); this side derives the same cases from the same files and runs
// them through the package.
//
// Three comparisons per case:
//   1. the options text this side builds (the file's options merged with the case's, the
//      case winning) equals the native one (as JSON: options are a map of settings, and
//      the native side, without serde_json's preserve_order, writes their keys sorted), and so does the input text where JS can
//      represent the value exactly (it cannot, e.g., tell 1.0 from 1);
//   2. `raw` (the package's JSON-text surface) given the native texts returns exactly the
//      native output string (or throws exactly the native error's Display);
//   3. the public function given the JS values returns the native output, parsed.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import * as intake from '../index.js';
import { runPublic, runRaw } from './support/cases.mjs';
import { collectCases, key, nativeDump, pkgRoot, repoRoot, ROOTS } from './support/fixtures.mjs';

/** Why the built pkg/ may not be the current core, if it may not. */
function staleness() {
  const built = statSync(join(pkgRoot, 'pkg/intake_wasm_bg.wasm')).mtimeMs;
  const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m,
    e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  const source = Math.max(newest(join(repoRoot, 'crates/intake/src')), newest(join(repoRoot, 'bindings/wasm/src')));
  return source > built ? ' (the core\'s sources are newer than pkg/: run `npm run build`)' : '';
}

/** Two options texts hold the same settings: equal texts, or equal JSON objects in any key order. */
function sameOptions(a, b) {
  if (a === b) return true;
  try {
    const [x, y] = [JSON.parse(a), JSON.parse(b)];
    const sorted = (v) => (v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]))
      : Array.isArray(v) ? v.map(sorted) : v);
    return JSON.stringify(sorted(x)) === JSON.stringify(sorted(y));
  } catch {
    return false;
  }
}

test('every fixture gives the native output, byte for byte, through WASM', { timeout: 600_000 }, async (t) => {
  const shared = ROOTS.find((r) => r === ROOTS[0]);
  const cases = collectCases();
  assert.ok(cases.some((c) => c.file.startsWith(`${shared}/`)), `no fixture files under ${shared}`);

  await intake.init();
  const native = nativeDump();
  const ours = new Map(cases.map((c) => [key(c), c]));
  const theirs = new Map(native.map((l) => [key(l), l]));
  const name = (l) => `${relative(repoRoot, l.file)}${l.case === undefined ? '' : ` case ${l.case}`}`;

  const failures = [];
  const counts = { bytes: 0, public: 0, inexact: 0, errors: 0 };
  for (const k of new Set([...ours.keys(), ...theirs.keys()])) {
    const c = ours.get(k);
    const n = theirs.get(k);
    if (!c || !n) {
      failures.push(`${name(c ?? n)}: only the ${c ? 'JS' : 'native'} side has this case`);
      continue;
    }
    if (c.fault || n.fault) {
      failures.push(`${name(c)}: unreadable fixture (JS: ${c.fault ?? 'ok'}; native: ${n.fault ?? 'ok'})`);
      continue;
    }
    // 1. Same texts.
    if (!sameOptions(c.options, n.options)) failures.push(`${name(c)}: options text ${c.options} != native ${n.options}`);
    const exact = c.input === n.input;
    if (!exact) counts.inexact += 1;

    // 2. Byte for byte, through the JSON-text surface.
    const got = runRaw(intake.raw, c, n.input, n.options);
    if ('error' in n) {
      counts.errors += 1;
      if (got.error !== n.error) failures.push(`${name(c)}: error\n  wasm:   ${got.error ?? got.output}\n  native: ${n.error}`);
    } else if (got.output !== n.output) {
      failures.push(`${name(c)}: output\n  wasm:   ${got.output ?? got.error}\n  native: ${n.output}`);
    }
    counts.bytes += 1;

    // 3. The public function, with the values as JS holds them.
    if (exact) {
      const pub = runPublic(intake, c);
      if ('error' in n) {
        // The public function writes the options in its own key order, so where a parse error
        // says where (serde's "at line L column C"), only the place may differ.
        const unplaced = (e) => String(e).replace(/ at line \d+ column \d+$/, '');
        if (unplaced(pub.error) !== unplaced(n.error)) failures.push(`${name(c)}: public error ${pub.error} != native ${n.error}`);
      } else if (!('value' in pub)) {
        failures.push(`${name(c)}: public function threw ${pub.error}`);
      } else {
        try {
          assert.deepStrictEqual(pub.value, JSON.parse(n.output));
        } catch {
          failures.push(`${name(c)}: public result ${JSON.stringify(pub.value)} != native ${n.output}`);
        }
      }
      counts.public += 1;
    }
  }

  const files = new Set(native.map((l) => l.file)).size;
  const summary = `${counts.bytes} outputs compared byte for byte (${counts.errors} of them errors) over ${files} ` +
    `fixture files; ${counts.public} also through the public functions` +
    (counts.inexact ? `; ${counts.inexact} inputs JS re-serializes differently (raw comparison only)` : '');
  t.diagnostic(summary);
  console.log(`parity: ${summary}`);
  assert.ok(counts.bytes > 0, 'no case compared');
  assert.deepEqual(failures, [], `${failures.length} parity failures${failures.length ? staleness() : ''}`);
});
