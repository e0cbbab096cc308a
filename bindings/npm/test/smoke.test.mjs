// The package in Node 20: init() reads the .wasm from disk; every export, real outcomes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as intake from '../index.js';
import { checkField, init, IntakeError, providers, raw, rule, validate, validateBatch, validateJson } from '../index.js';

const today = '2026-11-22';

test('calls before init() throw a clear error', () => {
  assert.throws(() => validate('atoa', {}), /call `await init\(\)` first/);
});

test('the exports are the documented API', () => {
  assert.deepEqual(Object.keys(intake).sort(), [
    'AsYouType', 'IntakeError', 'checkField', 'exampleNumber', 'fieldSchema', 'formatPhone', 'init', 'jsonSchema',
    'pointerToPath', 'providers', 'raw', 'rule', 'schema', 'setMessages', 'validate', 'validateBatch',
    'validateBatchUnknown', 'validateJson', 'validateUnknown',
  ]);
});

test('validate: a valid record gives the normalized payload', async () => {
  await Promise.all([init(), init()]); // concurrent calls share one load
  const outcome = validate('atoa', {
    fullName: '  John   Doe ', phoneCountryCode: '+44', phoneNumber: '07911 123456', postcode: 'sw1a1aa',
  }, { today });
  assert.deepEqual(outcome, {
    valid: true,
    errors: [],
    warnings: [],
    normalized: {
      fullName: 'John Doe', type: 'INDIVIDUAL', phoneCountryCode: '44', phoneNumber: '7911123456', postcode: 'SW1A 1AA',
    },
  });
  // Key order is the provider's, as the core serializes it.
  assert.deepEqual(Object.keys(outcome), ['valid', 'errors', 'warnings', 'normalized']);
});

test('validate: an invalid record gives every error, coded, with the status', async () => {
  await init();
  const outcome = validate('juicyway', { first_name: 'Ada', email: 'ada@@example.com', phone: 12 }, { today });
  assert.equal(outcome.valid, false);
  assert.equal(outcome.status, 400);
  assert.equal(outcome.normalized, undefined);
  const codes = outcome.errors.map((e) => `${e.path} ${e.code}`);
  for (const expected of ['/last_name field.required', '/phone field.type', '/billing_address field.required']) {
    assert.ok(codes.includes(expected), `${expected} in ${codes.join(', ')}`);
  }
  for (const e of outcome.errors) {
    assert.equal(typeof e.message, 'string');
    assert.ok(!e.message.includes('ada@@example.com'), 'a message never repeats the input');
  }
});

// A Paydock card record (flow 1) that expires at the end of `month`/`year`.
const cardExpiring = (month, year) => ({
  payment_source: {
    type: 'card', gateway_id: '5f0c1b2a3d4e5f60718293a4', card_name: 'Ada', card_number: '4111 1111 1111 1111',
    expire_month: month, expire_year: year,
  },
});

test('validate: options pass through (flow), and today defaults to the UTC date', async () => {
  await init();
  const card = cardExpiring('1', '2020');
  const expired = validate('paydock', card, { today, flow: 1 });
  assert.equal(expired.valid, false);
  assert.ok(expired.errors.some((e) => e.code === 'card.expired'));
  // Without `today` the JS passes today's UTC date (WASM has no clock of its own).
  assert.ok(validate('paydock', card).errors.some((e) => e.code === 'card.expired'));
  const y = String(new Date().getUTCFullYear() + 1);
  assert.equal(validate('paydock', { ...card, payment_source: { ...card.payment_source, expire_year: y } }).valid, true);
});

test('options of every shape give the outcome their JSON text gives (the fast paths included)', async () => {
  await init();
  // Valid on the 22nd of November 2026, expired a year on.
  const card = cardExpiring('11', '2026');
  const viaText = (json) => JSON.parse(raw.validate('paydock', JSON.stringify(card), json));
  const inTime = viaText('{"today":"2026-11-22"}');
  const late = viaText('{"today":"2027-11-22"}');
  assert.equal(inTime.valid, true);
  assert.equal(late.valid, false);
  class Dated { constructor() { this.flow = undefined; } get today() { return '2027-11-22'; } }
  for (const [options, want] of [
    [{ today }, inTime],
    [{ today, flow: undefined, messages: undefined }, inTime],
    [{ today: '2027-11-22' }, late],
    [Object.assign(Object.create(null), { today }), inTime],
    [{ today, limits: { maxDepth: 16 } }, inTime],
    // A prototype's members are not options: the copy leaves `today` behind, and the date is the clock's.
    [new Dated(), validate('paydock', card)],
  ]) {
    assert.deepEqual(validate('paydock', card, options), want, JSON.stringify(options));
  }
  // The same options object again after a change is read again.
  const o = { today };
  assert.equal(validate('paydock', card, o).valid, true);
  o.today = '2027-11-22';
  assert.equal(validate('paydock', card, o).valid, false);
});

test('validateJson: text that is not JSON is an invalid record, not an exception', async () => {
  await init();
  const outcome = validateJson('stax', '{"firstname": ', { today });
  assert.equal(outcome.valid, false);
  assert.equal(outcome.status, 400);
  assert.equal(outcome.errors[0].code, 'record.malformed');
  assert.equal(validateJson('stax', '{"firstname":"Ada"}', { today }).valid, true);
});

test('validateBatch: batch rules apply across records', async () => {
  await init();
  const outcomes = validateBatch('authvia', [
    { ref: 'c-1', addresses: ['ada@example.com'] },
    { ref: 'c-1', addresses: ['bob@example.com'] },
  ], { today });
  assert.equal(outcomes.length, 2);
  assert.equal(outcomes[0].valid, true);
  assert.equal(outcomes[1].valid, false);
  assert.equal(outcomes[1].status, 409);
  assert.deepEqual(outcomes[1].errors.map((e) => [e.path, e.code]), [['/ref', 'batch.ref_duplicate']]);
});

test('checkField: valid, incomplete and invalid as a person types', async () => {
  await init();
  const typing = { partial: true, today };
  assert.deepEqual(checkField('atoa', '/postcode', 'SW1A', typing).state, 'incomplete');
  assert.deepEqual(checkField('atoa', '/postcode', 'SW1A 1AA', typing), {
    state: 'valid', normalized: 'SW1A 1AA', error: null, warnings: [],
  });
  // Done typing: Atoa's documented rule (4 to 8 letters, digits, spaces) holds; not UK-shaped is a warning.
  const done = checkField('atoa', '/postcode', 'SW1A', { today });
  assert.equal(done.state, 'valid');
  assert.deepEqual(done.warnings.map((w) => w.code), ['postcode.not_uk']);
  assert.equal(checkField('atoa', '/postcode', 'SW1A-', { today }).state, 'invalid');
  const bad = checkField('atoa', '/email', 'ada@@example', typing);
  assert.equal(bad.state, 'invalid');
  assert.equal(bad.error.code, 'email.invalid');
  assert.equal(checkField('juicyway', '/phone', '+234 801 234 5678', typing).normalized, '+2348012345678');
  assert.equal(checkField('juicyway', '/phone', '+234 80', typing).state, 'incomplete');
  // A national number, read in the region the caller lends (the billing country).
  assert.equal(checkField('juicyway', '/phone', '0801 234 5678', { ...typing, region: 'NG' }).normalized, '+2348012345678');
  assert.equal(checkField('paydock', '/payment_source/expire_month', '1', typing).state, 'incomplete');
  assert.equal(checkField('paydock', '/payment_source/card_number', '4111 1111', typing).state, 'incomplete');
  const typo = checkField('stax', '/email', 'ada@gmial.com', { today });
  assert.equal(typo.state, 'valid');
  assert.equal(typo.warnings[0].code, 'email.typo');
});

test('providers() lists every profile and its fields', async () => {
  await init();
  const list = providers();
  assert.deepEqual(list.map((p) => p.id), ['atoa', 'paydock', 'authvia', 'stax', 'juicyway']);
  const atoa = list[0];
  assert.equal(atoa.endpoint, 'POST /api/customers');
  const fullName = atoa.fields.find((f) => f.path === '/fullName');
  assert.deepEqual(fullName, {
    path: '/fullName', type: 'text', required: 'yes', description: fullName.description, minLength: 2, maxLength: 30,
  });
});

test('rule() runs one field rule (the low-level fixture surface)', async () => {
  await init();
  assert.deepEqual(rule('gb_vat', 'GB 980 7806 84'), { normalized: 'GB980780684', error: null, warnings: [] });
  assert.equal(rule('phone', '07911 123456', { region: 'GB' }).normalized.e164, '+447911123456');
  assert.equal(rule('uk_postcode', 'sw1a1aa').normalized, 'SW1A 1AA');
});

test('raw: JSON text in, the core\'s JSON text out', async () => {
  await init();
  const text = raw.validate('atoa', '{"fullName":"Ada","email":"ada@example.com"}', `{"today":"${today}"}`);
  assert.equal(text, '{"valid":true,"errors":[],"warnings":[],"normalized":{"fullName":"Ada","email":"ada@example.com","type":"INDIVIDUAL"}}');
  // WASM has no clock: through `raw`, options must carry today.
  assert.throws(() => raw.validate('atoa', '{}', '{}'), { name: 'IntakeError', code: 'options.invalid', message: /today/ });
});

test('a caller\'s mistake is a thrown IntakeError with its code', async () => {
  await init();
  assert.throws(() => validate('acme', {}), (e) => {
    assert.ok(e instanceof IntakeError && e instanceof Error);
    assert.equal(e.code, 'provider.unknown');
    assert.match(e.message, /^provider\.unknown: unknown provider/);
    return true;
  });
  assert.throws(() => checkField('atoa', '/nope', 'x'), { code: 'field.unknown' });
  assert.throws(() => validate('atoa', {}, { today: '2026-02-30' }), { code: 'options.invalid' });
  assert.throws(() => validate('atoa', {}, { today, bogus: true }), { code: 'options.invalid' });
  assert.throws(() => rule('nope', 'x'), { code: 'rule.unknown' });
  assert.throws(() => validateBatch('stax', { not: 'an array' }, { today }), { code: 'input.invalid' });
});
