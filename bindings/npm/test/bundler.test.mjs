// Usable from a bundler: esbuild bundles an application that imports "intake" for browsers
// and for Node without errors or warnings, and the Node bundle runs. (browser.test.mjs
// loads the browser bundle in Chromium.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildBundles } from './support/bundle.mjs';

test('esbuild bundles the package for browsers and Node; the bundle runs', async () => {
  const dir = await buildBundles();
  // The browser bundle keeps the Node-only branch out of its way: no static Node import.
  assert.doesNotMatch(readFileSync(join(dir, 'browser.js'), 'utf8'), /\bfrom\s+["']node:/);
  const script = `import(${JSON.stringify(pathToFileURL(join(dir, 'node.js')).href)})` +
    '.then((m) => m.run()).then((r) => console.log(JSON.stringify(r)))';
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  assert.equal(out.outcome.valid, true);
  assert.equal(out.outcome.normalized.postcode, 'SW1A 1AA');
  assert.equal(out.field, 'incomplete');
});
