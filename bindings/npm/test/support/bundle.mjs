// Bundles test/bundle/entry.js, an application importing "intake" (resolved through
// package.json "exports"), with esbuild, for browsers and for Node, into test-output/bundle/.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pkgRoot } from './fixtures.mjs';

export const bundleDir = join(pkgRoot, 'test-output/bundle');

/** Builds `browser.js` and `node.js`; fails on any esbuild error or warning. */
export async function buildBundles() {
  const esbuild = await import('esbuild');
  rmSync(bundleDir, { recursive: true, force: true });
  for (const platform of ['browser', 'node']) {
    const result = await esbuild.build({
      entryPoints: [join(pkgRoot, 'test/bundle/entry.js')],
      bundle: true,
      format: 'esm',
      platform,
      target: 'es2022',
      outfile: join(bundleDir, `${platform}.js`),
      logLevel: 'silent',
    });
    assert.deepEqual([...result.errors, ...result.warnings], [], platform);
  }
  // The .wasm copied by hand where init() looks for it, as the README tells esbuild users who
  // want the file (without it the inlined copy loads: test/apps.test.mjs covers that way).
  mkdirSync(join(bundleDir, 'pkg'), { recursive: true });
  copyFileSync(join(pkgRoot, 'pkg/intake_wasm_bg.wasm'), join(bundleDir, 'pkg/intake_wasm_bg.wasm'));
  return bundleDir;
}
