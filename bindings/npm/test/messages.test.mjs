// Message catalogs: the English one is generated from the core's codes (it cannot drift), the
// French one is complete, and a catalog replaces messages by code with placeholders filled
// from the profile's limits only, never from the value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkField, init, IntakeError, providers, schema, setMessages, validate, validateBatch } from '../index.js';
import en from '../messages/en.js';
import fr from '../messages/fr.js';
import { collectCases, pkgRoot, repoRoot } from './support/fixtures.mjs';

await init();
const TODAY = { today: '2026-11-22' };
const PLACEHOLDERS = new Set(['min', 'max', 'values']);

// The code list as the core generates it into types/Code.d.ts (from intake::Code::ALL).
const CODES = [...readFileSync(join(pkgRoot, 'types/Code.d.ts'), 'utf8').matchAll(/^  \| "([a-z0-9_.]+)";?$/gm)].map((m) => m[1]);
// ... and as docs/CODES.md lists it.
const DOCUMENTED = [...readFileSync(join(repoRoot, 'docs/CODES.md'), 'utf8').matchAll(/^\| `([a-z0-9_]+\.[a-z0-9_]+)` \|/gm)].map((m) => m[1]);

test('the English catalog has exactly the core\'s codes, in its order', () => {
  assert.ok(CODES.length > 50, `${CODES.length} codes read from types/Code.d.ts`);
  assert.deepEqual(Object.keys(en), CODES);
  assert.deepEqual([...Object.keys(en)].sort(), [...new Set(DOCUMENTED)].sort());
  assert.ok(Object.isFrozen(en));
});

for (const [name, catalog] of [['English', en], ['French', fr]]) {
  test(`the ${name} catalog is complete, and its placeholders are limits only`, () => {
    assert.deepEqual(Object.keys(catalog).sort(), [...CODES].sort());
    for (const [code, text] of Object.entries(catalog)) {
      assert.equal(typeof text, 'string', code);
      assert.ok(text.trim().length > 10, `${code}: ${text}`);
      for (const [, placeholder] of text.matchAll(/\{(\w*)\}/g)) {
        assert.ok(PLACEHOLDERS.has(placeholder), `${code}: unknown placeholder {${placeholder}}`);
      }
    }
  });
}

test('the French catalog is a translation, not a copy', () => {
  const same = CODES.filter((c) => fr[c] === en[c]);
  assert.deepEqual(same, []);
});

test('a catalog per call replaces messages by code and fills limits', () => {
  const record = { fullName: 'A'.repeat(40), type: 'company', email: 'ada@example.com' };
  const outcome = validate('atoa', record, { ...TODAY, messages: fr });
  assert.deepEqual(
    outcome.errors.map((d) => [d.path, d.code, d.message]),
    [
      ['/fullName', 'text.too_long', 'Ce texte doit compter au plus 30 caractères.'],
      ['/type', 'enum.invalid', 'Valeur non reconnue ; valeurs possibles : INDIVIDUAL, BUSINESS.'],
    ],
  );
  // Without one: the core's English, byte for byte as before.
  const plain = validate('atoa', record, TODAY);
  assert.deepEqual(plain.errors.map((d) => d.code), outcome.errors.map((d) => d.code));
  assert.notDeepEqual(plain.errors.map((d) => d.message), outcome.errors.map((d) => d.message));
  // A field check and its warnings too; an array index finds its field.
  const check = checkField('atoa', '/fullName', 'A', { ...TODAY, messages: fr });
  assert.equal(check.error.message, 'Ce texte doit compter au moins 2 caractères.');
  const address = checkField('authvia', '/addresses/4/value', 'nope', { ...TODAY, messages: fr });
  assert.equal(address.error.message, fr['address.invalid']);
});

test('a code the catalog lacks keeps the core\'s message; a placeholder without a value is left as written', () => {
  const partial = { 'text.too_long': 'long: {max} / {min} / {values}' };
  const outcome = validate('atoa', { fullName: 'A'.repeat(40) }, { ...TODAY, messages: partial });
  const byCode = Object.fromEntries(outcome.errors.map((d) => [d.code, d.message]));
  assert.equal(byCode['text.too_long'], 'long: 30 / 2 / {values}');
  const english = Object.fromEntries(validate('atoa', { fullName: 'A'.repeat(40) }, TODAY).errors.map((d) => [d.code, d.message]));
  assert.equal(byCode['record.one_of_required'], english['record.one_of_required']);
});

test('setMessages sets the catalog of every call; a call\'s own messages (or null) win', () => {
  try {
    setMessages(fr);
    const batch = validateBatch('stax', [{}], TODAY);
    assert.equal(batch[0].errors[0].message, fr['record.one_of_required']);
    const english = validate('stax', {}, { ...TODAY, messages: null });
    assert.notEqual(english.errors[0].message, fr['record.one_of_required']);
    const custom = validate('stax', {}, { ...TODAY, messages: { 'record.one_of_required': 'X' } });
    assert.equal(custom.errors[0].message, 'X');
    // Schemas use it too.
    const result = schema('stax', TODAY)['~standard'].validate({});
    assert.equal(result.issues[0].message, fr['record.one_of_required']);
  } finally {
    setMessages(null);
  }
  assert.notEqual(validate('stax', {}, TODAY).errors[0].message, fr['record.one_of_required']);
  assert.throws(() => setMessages('fr'), (e) => e instanceof IntakeError && e.code === 'options.invalid');
  assert.throws(() => setMessages({ 'card.luhn': null }), (e) => e instanceof IntakeError && e.code === 'options.invalid');
});

test('over every fixture, catalog messages hold no input value, only limits', () => {
  const strings = (v, out = []) => {
    if (typeof v === 'string') out.push(v.trim());
    else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
    return out;
  };
  const limits = new Set(providers().flatMap((p) => p.fields.flatMap((f) => [f.minLength, f.maxLength, ...(f.values ?? [])])).filter((x) => x !== undefined).map(String));
  let checked = 0;
  for (const c of collectCases().filter((c) => c.fn === 'validate' || c.fn === 'validateBatch')) {
    const records = c.fn === 'validateBatch' ? c.value : [c.value];
    const options = { ...c.opts, messages: fr };
    const outcomes = c.fn === 'validateBatch' ? validateBatch(c.provider, records, options) : [validate(c.provider, c.value, options)];
    outcomes.forEach((outcome, i) => {
      const values = strings(records[i]).filter((s) => s.length >= 3 && !limits.has(s));
      for (const d of [...outcome.errors, ...outcome.warnings]) {
        checked++;
        for (const v of values) assert.ok(!d.message.includes(v), `${c.file}#${c.case}: ${d.code} message holds the input ${JSON.stringify(v)}`);
      }
    });
  }
  assert.ok(checked > 50, `only ${checked} diagnostics checked`);
});
