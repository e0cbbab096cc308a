// Collects the fixture cases (Node side) and the native core's outputs for them.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { casesOf } from './cases.mjs';

export const pkgRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = resolve(pkgRoot, '../..');
/** The shared fixtures (required), then this package's own small ones. */
export const ROOTS = [join(repoRoot, 'fixtures'), join(pkgRoot, 'test/fixtures')].filter(existsSync).map((p) => realpathSync(p));
const DIRS = ['fields', 'reference', 'field_checks', 'profiles', 'batches'];

/** Every case under `roots`, in the native dumper's order. */
export function collectCases(roots = ROOTS) {
  const out = [];
  for (const root of roots) {
    for (const dir of DIRS) {
      const at = join(root, dir);
      if (!existsSync(at)) continue;
      const names = readdirSync(at).filter((n) => n.endsWith('.json') && statSync(join(at, n)).isFile()).sort();
      for (const name of names) {
        const file = join(at, name);
        let data;
        try {
          data = JSON.parse(readFileSync(file, 'utf8'));
        } catch (e) {
          out.push({ file, fault: `not JSON: ${e.message}` });
          continue;
        }
        out.push(...casesOf(dir, file, data));
      }
    }
  }
  return out;
}

/**
 * The native outputs, one object per case line of `dump_fixtures`: from the file named by
 * INTAKE_NATIVE_DUMP when set, else by running the example (a debug build of the core).
 */
export function nativeDump(roots = ROOTS) {
  const text = process.env.INTAKE_NATIVE_DUMP
    ? readFileSync(process.env.INTAKE_NATIVE_DUMP, 'utf8')
    : execFileSync('cargo', ['run', '-q', '-p', 'intake-conformance', '--example', 'dump_fixtures', '--', ...roots], {
      cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'],
    });
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

export const key = (c) => `${c.file}#${c.case ?? '-'}`;
