// Every thrown error is an IntakeError with a stable code; values JSON cannot hold are invalid
// outcomes, not raw TypeErrors. The first tests run before init() (each test file is its own
// process under `node --test`), so their order matters: they are sequential.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkField,
  fieldSchema,
  init,
  IntakeError,
  jsonSchema,
  providers,
  rule,
  schema,
  validate,
  validateBatch,
  validateBatchUnknown,
  validateJson,
  validateUnknown,
} from '../index.js';

const TODAY = { today: '2026-11-22' };
const ADA = { fullName: 'Ada Lovelace', email: 'ada@example.com' };

/** Asserts that `fn` throws an IntakeError with `code`. */
function throwsCode(fn, code) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof IntakeError, `not an IntakeError: ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'IntakeError');
    assert.equal(e.code, code, e.message);
    return true;
  });
}

test('before init(): every call throws not_initialized', () => {
  throwsCode(() => validate('atoa', ADA), 'not_initialized');
  throwsCode(() => validateJson('atoa', '{}'), 'not_initialized');
  throwsCode(() => validateBatch('atoa', [ADA]), 'not_initialized');
  throwsCode(() => checkField('atoa', '/postcode', 'SW1A 1AA'), 'not_initialized');
  throwsCode(() => providers(), 'not_initialized');
  throwsCode(() => jsonSchema('atoa'), 'not_initialized');
  throwsCode(() => rule('gb_vat', 'GB980780684'), 'not_initialized');
  // The Standard JSON Schema converter too (it is synchronous).
  throwsCode(() => schema('atoa')['~standard'].jsonSchema.input({ target: 'draft-2020-12' }), 'not_initialized');
});

test('before init(): a schema loads the module itself and answers with a promise', async () => {
  const result = schema('atoa')['~standard'].validate({ ...ADA });
  assert.ok(result instanceof Promise);
  const settled = await result;
  assert.equal(settled.issues, undefined);
  assert.equal(settled.value.fullName, 'Ada Lovelace');
  // Loaded now: the next answer is synchronous.
  const again = fieldSchema('atoa', '/postcode')['~standard'].validate('sw1a1aa');
  assert.ok(!(again instanceof Promise));
  assert.equal(again.value, 'SW1A 1AA');
});

test('the core\'s caller mistakes are IntakeErrors with its codes, the cause kept', async () => {
  await init();
  throwsCode(() => validate('atao', ADA, TODAY), 'provider.unknown');
  throwsCode(() => validateJson('atao', '{}', TODAY), 'provider.unknown');
  throwsCode(() => jsonSchema('nope'), 'provider.unknown');
  throwsCode(() => validate('atoa', ADA, { today: 'yesterday' }), 'options.invalid');
  throwsCode(() => validate('atoa', ADA, { ...TODAY, colour: 'red' }), 'options.invalid');
  throwsCode(() => validate('atoa', ADA, 'today'), 'options.invalid');
  throwsCode(() => checkField('atoa', '/postCode', 'x', TODAY), 'field.unknown');
  throwsCode(() => rule('nope', 'x'), 'rule.unknown');
  throwsCode(() => validateBatch('atoa', { not: 'an array' }, TODAY), 'input.invalid');
  try {
    validate('atao', ADA, TODAY);
  } catch (e) {
    assert.ok(e.cause instanceof Error, 'the core\'s JS Error is the cause');
  }
  // A schema made with options that can never work fails when made, not in the form.
  throwsCode(() => schema('atoa', { warnings: 'loud' }), 'options.invalid');
  throwsCode(() => schema('atoa', { messages: 'fr' }), 'options.invalid');
  throwsCode(() => fieldSchema('atoa', '/postcode', { messages: { 'postcode.invalid': 42 } }), 'options.invalid');
  // ... and an unknown provider or field when it validates.
  throwsCode(() => schema('atao')['~standard'].validate(ADA), 'provider.unknown');
  throwsCode(() => fieldSchema('atoa', '/postCode')['~standard'].validate('x'), 'field.unknown');
  throwsCode(() => schema('atoa')['~standard'].jsonSchema.input({ target: 'openapi-3.0' }), 'options.invalid');
  throwsCode(() => schema('atoa')['~standard'].jsonSchema.output({ target: 'draft-2020-12' }), 'options.invalid');
});

const cyclic = () => {
  const r = { ...ADA, address: {} };
  r.address.self = r;
  return r;
};

// Each value JSON cannot hold, where it sits, and what the message names (never the value).
const UNSERIALIZABLE = [
  ['a BigInt', () => ({ ...ADA, phoneNumber: 7911123456n }), '/phoneNumber', 'a BigInt'],
  ['a cycle', cyclic, '/address/self', 'a cycle'],
  ['a function', () => ({ ...ADA, city() {} }), '/city', 'a function'],
  ['a symbol', () => ({ ...ADA, city: Symbol('London') }), '/city', 'a symbol'],
  ['a BigInt in an array under an escaped key', () => ({ ...ADA, 'a/b~c': [1, 2n] }), '/a~1b~0c/1', 'a BigInt'],
  ['a top-level BigInt', () => 1n, '', 'a BigInt'],
];

for (const [name, make, pointer, what] of UNSERIALIZABLE) {
  test(`a record holding ${name} is record.malformed at ${pointer || 'the record'}, not a TypeError`, async () => {
    await init();
    const outcome = validateUnknown('atoa', make(), TODAY);
    assert.equal(outcome.valid, false);
    assert.equal(outcome.status, 400);
    assert.deepEqual(outcome.errors.map((d) => [d.path, d.code]), [[pointer, 'record.malformed']]);
    assert.match(outcome.errors[0].message, new RegExp(`holds ${what}$`));
    assert.doesNotMatch(outcome.errors[0].message, /7911123456|London/);
    // In a batch, only that record's outcome; the others are validated as usual.
    const batch = validateBatchUnknown('atoa', [ADA, make(), { ...ADA }], TODAY);
    assert.deepEqual(batch.map((o) => o.valid), [true, false, true]);
    assert.deepEqual(batch[1].errors.map((d) => [d.path, d.code]), [[pointer, 'record.malformed']]);
    // Through a schema: an issue, at the decoded path.
    const result = schema('atoa', TODAY)['~standard'].validate(make());
    assert.equal(result.issues.length, 1);
    assert.equal(result.issues[0].code, 'record.malformed');
  });
}

test('an unknown provider is still thrown when the record cannot be serialized', async () => {
  await init();
  throwsCode(() => validateUnknown('atao', cyclic(), TODAY), 'provider.unknown');
  throwsCode(() => checkField('atao', '/city', 1n, TODAY), 'provider.unknown');
  throwsCode(() => checkField('atoa', '/town', 1n, TODAY), 'field.unknown');
});

test('a field value JSON cannot hold is an invalid field check', async () => {
  await init();
  const check = checkField('atoa', '/city', 10n, TODAY);
  assert.equal(check.state, 'invalid');
  assert.equal(check.error.code, 'record.malformed');
  assert.equal(check.normalized, null);
});

test('options and rule inputs JSON cannot hold are coded errors', async () => {
  await init();
  throwsCode(() => validate('atoa', ADA, { today: '2026-11-22', limits: { maxDepth: 8n } }), 'options.invalid');
  const record = {};
  record.self = record;
  throwsCode(() => checkField('atoa', '/phoneNumber', '7911', { ...TODAY, record }), 'options.invalid');
  throwsCode(() => rule('gb_vat', 980780684n), 'input.invalid');
});

test('what JSON.stringify serializes is sent exactly as it serializes it', async () => {
  await init();
  const shared = { line1: '1 Marina' };
  // Shared references are not cycles; toJSON, boxed primitives and undefined members as JSON.stringify.
  const record = {
    first_name: new String('Ada'),
    last_name: 'Obi',
    email: { toJSON: () => 'ada@example.com' },
    phone: '+234 801 234 5678',
    type: 'individual',
    billing_address: { ...shared, city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'NG', line2: undefined },
    note: [shared, shared, undefined],
  };
  const viaStringify = validateJson('juicyway', JSON.stringify(record), TODAY);
  assert.deepEqual(validateUnknown('juicyway', record, TODAY), viaStringify);
  assert.equal(viaStringify.valid, true, JSON.stringify(viaStringify.errors));
  assert.deepEqual(validateUnknown('atoa', undefined, TODAY), validateJson('atoa', 'null', TODAY));
});

test('a record nested too deep for the JS stack is an invalid outcome', async () => {
  await init();
  let deep = {};
  const root = deep;
  for (let i = 0; i < 200_000; i++) deep = deep.next = {};
  const outcome = validateUnknown('stax', root, TODAY);
  assert.equal(outcome.valid, false);
  assert.ok(['record.malformed', 'limit.depth'].includes(outcome.errors[0].code), outcome.errors[0].code);
});
