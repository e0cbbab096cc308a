// The package in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser is downloaded) loads demo/index.html over HTTP, which imports
// ../index.js and fetches the .wasm. A person's typing is played with the keyboard; the
// states, messages and payloads the page shows are read back. Screenshots go to
// test-output/ (kept on disk, not committed).
//
// Run by `npm run test:browser`; skipped by `npm test`.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as intake from '../index.js';
import { close, serve } from '../scripts/serve.mjs';
import { buildBundles } from './support/bundle.mjs';
import { runPublic, runRaw } from './support/cases.mjs';
import { collectCases, pkgRoot } from './support/fixtures.mjs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outDir = join(pkgRoot, 'test-output');
const skip = process.env.npm_lifecycle_event === 'test' && 'browser test: run `npm run test:browser`';
const TODAY = '2026-11-22';

describe('in headless Chromium', { skip, timeout: 300_000 }, () => {
  let server;
  let profileDir;
  let context;
  let page;
  let base;
  const problems = [];

  before(async () => {
    const { chromium } = await import('playwright-core');
    server = await serve(0);
    base = `http://127.0.0.1:${server.address().port}`;
    profileDir = await mkdtemp(join(tmpdir(), 'intake-chromium-'));
    await mkdir(outDir, { recursive: true });
    // A fresh profile each run; launchPersistentContext because launch() rejects --user-data-dir.
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      timeout: 30_000,
      viewport: { width: 1280, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = context.pages()[0] ?? await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    await intake.init();
  });

  after(async () => {
    await context?.close().catch(() => {});
    if (server) await close(server);
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  let loads = 0;
  async function open(provider) {
    // A fresh document each time (a new query: a change of hash alone would not reload).
    loads += 1;
    await page.goto(`${base}/demo/?load=${loads}#${provider}`, { timeout: 20_000 });
    await page.locator('body[data-ready]').waitFor({ timeout: 20_000 });
    assert.equal(await page.getAttribute('body', 'data-ready'), 'true', await page.textContent('#verdict'));
    assert.equal(await page.inputValue('#provider'), provider);
    await page.fill('#today', TODAY); // a fixed "today": deterministic expiry rules
    await page.dispatchEvent('#today', 'change');
  }

  const row = (path) => page.locator(`.field[data-path="${path}"]`);
  const idOf = (path) => `#f${path.replaceAll('/', '-')}`;
  /** Types into a field with the keyboard, one key at a time (as a person does). */
  async function type(path, text) {
    await page.locator(idOf(path)).click();
    await page.keyboard.type(text, { delay: 5 });
  }
  async function clear(path) {
    await page.locator(idOf(path)).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  }
  /** The field's state and message as the page shows them. */
  async function shown(path) {
    const r = row(path);
    return { state: await r.getAttribute('data-state'), message: (await r.locator('.message').textContent()).trim() };
  }
  async function submitted() {
    await page.click('#submit');
    const box = page.locator('#submitted:not([data-state="none"])');
    await box.waitFor({ timeout: 5_000 });
    const text = await page.textContent('#submitted-payload');
    return { state: await box.getAttribute('data-state'), payload: text ? JSON.parse(text) : null };
  }
  const shot = (name) => page.screenshot({ path: join(outDir, name), fullPage: true });

  test('Atoa: each field checked as typed, the payload on submit', async () => {
    await open('atoa');
    await type('/fullName', 'Ada   Lovelace');
    assert.deepEqual(await shown('/fullName'), { state: 'valid', message: '→ Ada Lovelace' });

    await type('/postcode', 'SW1A');
    const partial = await shown('/postcode');
    assert.equal(partial.state, 'incomplete');
    assert.equal(partial.message, intake.checkField('atoa', '/postcode', 'SW1A', { partial: true, today: TODAY }).error.message);
    await type('/postcode', ' 1AA');
    assert.deepEqual(await shown('/postcode'), { state: 'valid', message: '→ SW1A 1AA' });

    await type('/email', 'ada@@example.com');
    const bad = await shown('/email');
    assert.equal(bad.state, 'invalid');
    assert.equal(bad.message, intake.checkField('atoa', '/email', 'ada@@example.com', { partial: true, today: TODAY }).error.message);
    await shot('atoa-typing.png');
    await clear('/email');
    await type('/email', 'ada@example.com');
    assert.deepEqual(await shown('/email'), { state: 'valid', message: '→ ada@example.com' });

    await type('/phoneCountryCode', '+44');
    assert.deepEqual(await shown('/phoneCountryCode'), { state: 'valid', message: '→ 44' });
    await type('/phoneNumber', '07911 123456');
    assert.deepEqual(await shown('/phoneNumber'), { state: 'valid', message: '→ 7911123456' });

    // The live whole-record outcome already shows the payload.
    assert.equal(await page.getAttribute('#outcome', 'data-valid'), 'true');

    const { state, payload } = await submitted();
    assert.equal(state, 'sent');
    const expected = {
      fullName: 'Ada Lovelace', email: 'ada@example.com', type: 'INDIVIDUAL', phoneCountryCode: '44',
      phoneNumber: '7911123456', postcode: 'SW1A 1AA',
    };
    assert.deepEqual(payload, expected);
    // The same as Node's WASM gives for the same record.
    const record = { fullName: 'Ada   Lovelace', email: 'ada@example.com', phoneCountryCode: '+44', phoneNumber: '07911 123456', postcode: 'SW1A 1AA' };
    assert.deepEqual(intake.validate('atoa', record, { today: TODAY }).normalized, expected);
    await shot('atoa-submitted.png');
    assert.deepEqual(problems, []);
  });

  test('Juicyway: phone, country, a rejected submit, then the payload', async () => {
    await open('atoa');
    await page.selectOption('#provider', 'juicyway');
    await row('/billing_address/country').waitFor();
    assert.match(await page.textContent('#form-title'), /^Juicyway/);

    await type('/first_name', 'Ada');
    await type('/email', 'ada@example.com');
    await type('/phone', '+234 80');
    assert.equal((await shown('/phone')).state, 'incomplete');
    await type('/phone', '1 234 5678');
    assert.deepEqual(await shown('/phone'), { state: 'valid', message: '→ +2348012345678' });
    await page.selectOption(idOf('/type'), 'individual');
    await type('/billing_address/line1', '1 Marina');
    await type('/billing_address/city', 'Lagos');
    await type('/billing_address/state', 'Lagos');
    await type('/billing_address/zip_code', '101001');
    await type('/billing_address/country', 'n');
    assert.equal((await shown('/billing_address/country')).state, 'incomplete');
    await type('/billing_address/country', 'g');
    assert.deepEqual(await shown('/billing_address/country'), { state: 'valid', message: '→ NG' });

    // last_name is missing: the provider would reject the record; the field says why.
    const rejected = await submitted();
    assert.equal(rejected.state, 'rejected');
    assert.equal(rejected.payload, null);
    assert.deepEqual(await shown('/last_name'), { state: 'invalid', message: 'is required' });
    assert.match(await page.textContent('#verdict'), /Invalid: the provider would answer 400/);
    assert.match(await page.textContent('#diagnostics'), /\/last_name\s+field\.required/);
    await shot('juicyway-rejected.png');

    await type('/last_name', 'Obi');
    // A national number is read in the billing country (lent to checkField as `region`).
    await clear('/phone');
    await type('/phone', '0801 234 5678');
    const national = await shown('/phone');
    assert.equal(national.state, 'valid');
    assert.match(national.message, /^→ \+2348012345678/);

    const { state, payload } = await submitted();
    assert.equal(state, 'sent');
    assert.deepEqual(payload, {
      first_name: 'Ada', last_name: 'Obi', email: 'ada@example.com', phone: '+2348012345678', type: 'individual',
      billing_address: { line1: '1 Marina', city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'NG' },
    });
    await shot('juicyway-submitted.png');
    assert.deepEqual(problems, []);
  });

  test('a phone field formats as the person types (AsYouType), with live states and an example placeholder', async () => {
    await open('juicyway');
    const phone = page.locator(idOf('/phone'));
    // No billing country yet: the placeholder is an international example.
    assert.equal(await phone.getAttribute('placeholder'), intake.formatPhone(intake.exampleNumber('GB'), 'international'));
    await type('/billing_address/country', 'gb');
    assert.equal(await phone.getAttribute('placeholder'), '07400 123456');

    // A UK number typed nationally, digit by digit: the field shows what AsYouType shows,
    // and the state checkField gives with the record (the billing country) as context.
    const typing = new intake.AsYouType('GB');
    const seen = [];
    await phone.click();
    for (const key of '07400123456') {
      await page.keyboard.type(key);
      const value = await phone.inputValue();
      const expected = typing.input(key);
      assert.equal(value, expected, `after ${key}`);
      const record = { billing_address: { country: 'gb' }, phone: value };
      const check = intake.checkField('juicyway', '/phone', value, { partial: true, today: TODAY, record });
      assert.equal((await shown('/phone')).state, check.state, `state of ${value}`);
      seen.push(`${value}:${check.state}`);
    }
    assert.deepEqual(seen.slice(-3), ['07400 1234:incomplete', '07400 12345:incomplete', '07400 123456:valid']);
    assert.equal(seen[4], '07400:incomplete');
    const done = await shown('/phone');
    assert.equal(done.state, 'valid');
    assert.match(done.message, /^→ \+447400123456 ⚠ had no country code/); // read in the billing country
    await shot('phone-as-you-type.png');

    // International, then a number no UK number begins with: invalid at once.
    await clear('/phone');
    await phone.click();
    const states = [];
    for (const key of '+447') {
      await page.keyboard.type(key);
      states.push(`${await phone.inputValue()}:${(await shown('/phone')).state}`);
    }
    assert.deepEqual(states, ['+:incomplete', '+4:incomplete', '+44 :incomplete', '+44 7:incomplete']);
    await clear('/phone');
    await type('/phone', '+444');
    assert.deepEqual([await phone.inputValue(), (await shown('/phone')).state], ['+44 4', 'invalid']);

    // A letter stops the formatting: the text stays as typed (and is invalid).
    await clear('/phone');
    await type('/phone', '0740x');
    assert.deepEqual([await phone.inputValue(), (await shown('/phone')).state], ['0740x', 'invalid']);

    // Atoa: the national number is formatted after the calling code typed beside it.
    await open('atoa');
    assert.equal(await page.getAttribute(idOf('/phoneNumber'), 'placeholder'), '07400 123456');
    await type('/phoneCountryCode', '44');
    await type('/phoneNumber', '791112');
    assert.deepEqual([await page.inputValue(idOf('/phoneNumber')), (await shown('/phoneNumber')).state], ['7911 12', 'incomplete']);
    await type('/phoneNumber', '3456');
    assert.deepEqual(await shown('/phoneNumber'), { state: 'valid', message: '→ 7911123456' });
    assert.equal(await page.inputValue(idOf('/phoneNumber')), '7911 123456');
    assert.deepEqual(problems, []);
  });

  test('every provider renders its form; the example fills a valid record', async () => {
    for (const { id } of intake.providers()) {
      await open(id);
      await page.click('#example');
      assert.equal(await page.textContent('#endpoint'), intake.providers().find((p) => p.id === id).endpoint);
      assert.equal(await page.getAttribute('#outcome', 'data-valid'), 'true', `${id}: ${await page.textContent('#diagnostics')}`);
      await shot(`example-${id}.png`);
    }
    assert.deepEqual(problems, []);
  });

  test('an application bundled with esbuild runs in the page', async () => {
    await buildBundles();
    await open('atoa');
    const out = await page.evaluate(async () => (await import('/test-output/bundle/browser.js')).run());
    assert.equal(out.outcome.valid, true);
    assert.equal(out.outcome.normalized.postcode, 'SW1A 1AA');
    assert.equal(out.field, 'incomplete');
    assert.deepEqual(problems, []);
  });

  test('intake/worker: the same results from a Web Worker, errors with their codes, terminate()', async () => {
    await open('atoa');
    const record = { fullName: 'Ada   Lovelace', phoneCountryCode: '+44', phoneNumber: '07911 123456' };
    const out = await page.evaluate(async (r) => {
      const w = await import('/worker.js');
      await w.init();
      const results = await Promise.all([
        w.validate('atoa', r.record, { today: r.today }),
        w.checkField('juicyway', '/phone', '+234 80', { partial: true }),
        w.formatPhone('+442079460018', 'national'),
        w.providers().then((list) => list.map((p) => p.id)),
      ]);
      let error;
      try { await w.checkField('atoa', '/nope', ''); } catch (e) { error = { isIntakeError: e instanceof w.IntakeError, code: e.code }; }
      return { results, error };
    }, { record, today: TODAY });
    assert.equal(page.workers().length, 1, 'one worker runs');
    assert.deepEqual(out.results, [
      intake.validate('atoa', record, { today: TODAY }),
      intake.checkField('juicyway', '/phone', '+234 80', { partial: true }),
      '020 7946 0018',
      intake.providers().map((p) => p.id),
    ]);
    assert.equal(out.results[0].normalized.phoneNumber, '7911123456');
    assert.deepEqual(out.error, { isIntakeError: true, code: 'field.unknown' });
    const closed = page.waitForEvent('worker').then((w) => new Promise((ok) => w.once('close', ok)));
    await page.evaluate(async () => {
      const w = await import('/worker.js');
      w.terminate();
      await w.exampleNumber('GB'); // a new worker starts on the next call
      w.terminate();
    });
    await closed;
    assert.deepEqual(problems, []);
  });

  test('parity: the fixture cases give the same results in the page as in Node', async () => {
    await open('atoa');
    const cases = collectCases().filter((c) => !c.fault);
    assert.ok(cases.length > 0);
    const inNode = cases.map((c) => runRaw(intake.raw, c));
    const publicInNode = cases.map((c) => runPublic(intake, c));
    const inPage = await page.evaluate(async (list) => {
      const pkg = await import('/index.js');
      const { runRaw: raw, runPublic: pub } = await import('/test/support/cases.mjs');
      await pkg.init();
      return list.map((c) => ({ raw: raw(pkg.raw, c), public: pub(pkg, c) }));
    }, cases);
    const mismatches = [];
    cases.forEach((c, i) => {
      const where = `${c.file.slice(c.file.indexOf('fixtures'))} case ${c.case}`;
      if (JSON.stringify(inPage[i].raw) !== JSON.stringify(inNode[i])) mismatches.push(`${where}: raw`);
      try {
        assert.deepStrictEqual(inPage[i].public, publicInNode[i]);
      } catch {
        mismatches.push(`${where}: public`);
      }
    });
    console.log(`browser parity: ${cases.length} fixture cases, raw bytes and public results equal in Chromium and Node`);
    assert.deepEqual(mismatches, []);
    assert.deepEqual(problems, []);
  });

  test('the README\'s form-library recipes (react-hook-form, TanStack Form) run in the page', async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [join(pkgRoot, 'test/forms/recipes.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: join(pkgRoot, 'test-output/forms/recipes.bundle.js'),
      logLevel: 'silent',
    });
    assert.deepEqual([...result.errors, ...result.warnings], []);
    const { copyFileSync, mkdirSync } = await import('node:fs');
    copyFileSync(join(pkgRoot, 'test/forms/index.html'), join(pkgRoot, 'test-output/forms/index.html'));
    // The .wasm where init() looks for it, as the README tells esbuild users.
    mkdirSync(join(pkgRoot, 'test-output/forms/pkg'), { recursive: true });
    copyFileSync(join(pkgRoot, 'pkg/intake_wasm_bg.wasm'), join(pkgRoot, 'test-output/forms/pkg/intake_wasm_bg.wasm'));
    await page.goto(`${base}/test-output/forms/`, { timeout: 20_000 });
    await page.locator('body[data-done]').waitFor({ state: 'attached', timeout: 20_000 });
    const results = await page.evaluate(() => window.results);
    assert.equal(results.error, undefined, results.error);

    const rhf = results.reactHookForm;
    assert.equal(rhf.refused.submitted, null);
    assert.equal(rhf.refused.fullName, intake.validate('atoa', { fullName: 'A', email: '' }, { today: TODAY }).errors[0].message);
    assert.equal(rhf.failed, null);
    assert.equal(rhf.submitted.fullName, 'Ada Lovelace');
    assert.equal(rhf.submitted.type, 'INDIVIDUAL');

    const ts = results.tanstack;
    assert.equal(ts.refused.submitted, null);
    assert.deepEqual(ts.refused.email, ['email.invalid']);
    assert.deepEqual(ts.refused.country, ['country.invalid']);
    assert.equal(ts.submitted?.email, 'ada@example.com');
    assert.deepEqual(ts.emailErrors, []);
    const partial = intake.fieldSchema('atoa', '/postcode', { today: TODAY, partial: true })['~standard'].validate('SW1A');
    assert.deepEqual(ts.partial, partial.issues.map((i) => i.code));
    assert.equal(ts.partial.length, 1);
    assert.deepEqual(ts.complete, []);
    assert.deepEqual(problems, []);
  });
});
