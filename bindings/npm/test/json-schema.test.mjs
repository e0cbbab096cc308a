// The JSON Schema of each profile's input, generated in the Rust core from the catalog, checked
// with a real validator (Ajv, draft 2020-12): every valid fixture record (and its normalized
// payload) fits it, and inputs with a wrong JSON type, a missing required member or a
// malformed identifier do not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import Ajv7 from 'ajv';
import { init, jsonSchema, providers, schema, validate } from '../index.js';
import { collectCases } from './support/fixtures.mjs';

await init();
const TODAY = { today: '2026-11-22' };
// `format` is an annotation in draft 2020-12 (intake trims before it checks an email);
// union types (`["string", "null"]`) are how an optional member takes null.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, validateFormats: false });
const IDS = providers().map((p) => p.id);
const validators = Object.fromEntries(IDS.map((id) => [id, ajv.compile(jsonSchema(id))]));

const cases = collectCases().filter((c) => c.fn === 'validate' && IDS.includes(c.provider));

test('every profile has a draft 2020-12 schema of its catalog\'s fields', () => {
  for (const p of providers()) {
    const s = jsonSchema(p.id);
    assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(s.type, 'object');
    const top = p.fields.filter((f) => f.path.split('/').length === 2).map((f) => f.path.slice(1));
    assert.deepEqual(Object.keys(s.properties), top, p.id);
    assert.deepEqual(s.required ?? [], p.fields.filter((f) => f.required === 'yes' && f.path.split('/').length === 2).map((f) => f.path.slice(1)));
  }
});

test('every valid fixture record, and its normalized payload, fits its profile\'s schema', () => {
  let checked = 0;
  for (const c of cases) {
    const outcome = validate(c.provider, c.value, c.opts);
    if (!outcome.valid) continue;
    // Paydock disregards an optional field whose format is wrong (field.ignored): the record is
    // valid, but breaks the documented format the schema states. Its payload still fits.
    const ignored = outcome.warnings.some((d) => d.code === 'field.ignored');
    const values = ignored ? [['payload', outcome.normalized]] : [['record', c.value], ['payload', outcome.normalized]];
    for (const [what, value] of values) {
      const ok = validators[c.provider](value);
      assert.ok(ok, `${c.file}#${c.case} ${what}: ${JSON.stringify(validators[c.provider].errors)}`);
      checked++;
    }
  }
  assert.ok(checked >= 40, `only ${checked} valid records`);
});

// The catalog's field paths, an array index standing for any index.
const PATHS = Object.fromEntries(providers().map((p) => [p.id, new Set(p.fields.map((f) => f.path))]));
const described = (id, pointer) => PATHS[id].has(pointer.replace(/\/(?:0|[1-9][0-9]*)(?=\/|$)/g, '/0'));

test('where intake finds a wrong JSON type in a described field, the schema rejects the record too', () => {
  let checked = 0;
  for (const c of cases) {
    const outcome = validate(c.provider, c.value, c.opts);
    // Members of free-form objects (Stax's options.custom_fields) are not in the schema.
    const typed = outcome.errors.some((d) => (d.code === 'field.type' && described(c.provider, d.path)) || d.code === 'record.not_object');
    if (outcome.valid || !typed) continue;
    assert.equal(validators[c.provider](c.value), false, `${c.file}#${c.case}: the schema accepts it`);
    checked++;
  }
  assert.ok(checked >= 3, `only ${checked} wrong-type records`);
});

test('the schema rejects wrong types, missing required members and malformed ids', () => {
  const juicy = {
    first_name: 'Ada', last_name: 'Obi', email: 'ada@example.com', phone: '+234 801 234 5678', type: 'individual',
    billing_address: { line1: '1 Marina', city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'NG' },
  };
  assert.equal(validators.juicyway(juicy), true);
  assert.equal(validators.juicyway({ ...juicy, type: ' BUSINESS ' }), true, 'enumerations match in any case, trimmed');
  const rejected = {
    juicyway: [
      { ...juicy, billing_address: undefined },
      { ...juicy, phone: 2348012345678 },
      { ...juicy, type: 'company' },
      { ...juicy, billing_address: { ...juicy.billing_address, city: undefined } },
      { ...juicy, first_name: '' },
      { ...juicy, email: null },
    ],
    atoa: [{}, { fullName: 7 }, { fullName: '' }, { fullName: 'Ada', type: 'corporate' }, { fullName: 'Ada', city: 3 }],
    paydock: [
      { token: 'not-a-uuid' },
      { token: '550e8400-e29b-41d4-a716-446655440000', payment_source: { type: 'card', gateway_id: '12' } },
      { token: '550e8400-e29b-41d4-a716-446655440000', payment_source: 'card' },
    ],
    authvia: [{ ref: 'r1' }, { ref: 'r1', addresses: 'ada@example.com' }, { ref: 'r1', addresses: [42] }],
    stax: [[], { allow_invoice_credit_card_payments: 'yes' }, { cc_emails: 'a@b.co' }, { options: 'x' }],
  };
  for (const [id, inputs] of Object.entries(rejected)) {
    for (const input of inputs) {
      const value = JSON.parse(JSON.stringify(input));
      assert.equal(validators[id](value), false, `${id} accepts ${JSON.stringify(value)}`);
      // ... and intake agrees they are invalid.
      assert.equal(validate(id, value, TODAY).valid, false, `${id}: intake accepts ${JSON.stringify(value)}`);
    }
  }
});

test('the draft-07 form (Standard JSON Schema) compiles and agrees with the 2020-12 one', () => {
  const ajv7 = new Ajv7({ strict: true, allowUnionTypes: true, validateFormats: false });
  for (const id of IDS) {
    const v7 = ajv7.compile(schema(id)['~standard'].jsonSchema.input({ target: 'draft-07' }));
    for (const c of cases.filter((c) => c.provider === id)) {
      assert.equal(v7(c.value), validators[id](c.value), `${c.file}#${c.case}`);
    }
  }
});
