// The phone helpers for forms in Node: AsYouType (as libphonenumber's AsYouTypeFormatter
// types), formatPhone, exampleNumber, and a phone field checked with the rest of the record.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { AsYouType, checkField, exampleNumber, formatPhone, init, IntakeError } from '../index.js';

before(() => init());

// What the formatter shows after each character of `text`.
const typed = (region, text) => {
  const typing = new AsYouType(region);
  return [...text].map((c) => typing.input(c));
};

test('AsYouType: a national number typed in its region, digit by digit', () => {
  assert.deepEqual(typed('GB', '07400123456'), [
    '0', '07', '074', '0740', '07400', '07400 1', '07400 12', '07400 123', '07400 1234', '07400 12345', '07400 123456',
  ]);
  assert.deepEqual(typed('US', '6502530000').slice(-4), ['650-2530', '(650) 253-00', '(650) 253-000', '(650) 253-0000']);
});

test('AsYouType: international numbers, with and without a region', () => {
  assert.deepEqual(typed(undefined, '+12015550123'), [
    '+', '+1', '+1 2', '+1 20', '+1 201', '+1 201-5', '+1 201-55', '+1 201-555', '+1 201-555-0', '+1 201-555-01',
    '+1 201-555-012', '+1 201-555-0123',
  ]);
  assert.equal(new AsYouType('US').input('011447400123456'), '011 44 7400 123456');
  assert.equal(new AsYouType({ defaultCountry: 'GB' }).input('00447400123456'), '00 44 7400 123456');
  // Without a region a national number is shown as typed.
  assert.equal(new AsYouType().input('07400123456'), '07400123456');
});

test('AsYouType: input appends and returns the whole text; reset starts again; getNumberValue once valid', () => {
  const typing = new AsYouType('GB');
  assert.equal(typing.input('0740'), '0740');
  assert.equal(typing.getNumberValue(), undefined);
  assert.equal(typing.input('012345'), '07400 12345');
  assert.equal(typing.getNumberValue(), undefined, 'an incomplete number has no value');
  assert.equal(typing.input('6'), '07400 123456');
  assert.equal(typing.getNumberValue(), '+447400123456');
  assert.equal(typing.getChars(), '07400123456');
  assert.equal(typing.reset(), typing);
  assert.equal(typing.getNumberValue(), undefined);
  assert.equal(typing.input('+33612345678'), '+33 6 12 34 56 78');
  assert.equal(typing.getNumberValue(), '+33612345678');
});

test('AsYouType: the live state and, once valid, the number type', () => {
  const typing = new AsYouType('GB');
  assert.equal(typing.getState(), undefined);
  const states = [...'07400123456'].map((digit) => (typing.input(digit), typing.getState()));
  assert.deepEqual(states, [...Array(10).fill('incomplete'), 'valid']);
  assert.equal(typing.getNumberType(), 'mobile');
  // No UK number starts with 4: invalid at once, and no type.
  const uk = new AsYouType();
  assert.equal((uk.input('+447'), uk.getState()), 'incomplete');
  assert.equal((uk.reset().input('+444'), uk.getState()), 'invalid');
  assert.equal(uk.getNumberType(), undefined);
  // Where fixed lines and mobiles cannot be told apart.
  assert.equal((uk.reset().input('+12015550123'), uk.getNumberType()), 'fixed_line_or_mobile');
});

test('AsYouType: a character other than a digit or a leading + stops the formatting, as libphonenumber does', () => {
  assert.deepEqual(typed('GB', '0740 0'), ['0', '07', '074', '0740', '0740 ', '0740 0']);
  assert.equal(new AsYouType('GB').input('0740x123456'), '0740x123456');
  assert.equal(new AsYouType('GB').input('4+4'), '4+4');
});

test('AsYouType agrees with the Python reference corpus (fixtures/reference/phone_as_you_type.json)', async () => {
  const { readFile } = await import('node:fs/promises');
  const corpus = JSON.parse(await readFile(new URL('../../../fixtures/reference/phone_as_you_type.json', import.meta.url)));
  let characters = 0;
  for (const c of corpus.cases) {
    const got = typed(c.args?.region, c.input);
    assert.deepEqual(got, c.expect, `${c.input} in ${c.args?.region ?? 'no region'}`);
    characters += got.length;
  }
  assert.ok(corpus.cases.length > 3000 && characters > 40000, `${corpus.cases.length} sequences`);
});

test('formatPhone: national, international and E.164, with a region for numbers without +', () => {
  assert.equal(formatPhone('+442079460018', 'national'), '020 7946 0018');
  assert.equal(formatPhone('+442079460018', 'international'), '+44 20 7946 0018');
  assert.equal(formatPhone('(201) 555-0123', 'international', 'US'), '+1 201-555-0123');
  assert.equal(formatPhone('07400 123456', 'e164', 'GB'), '+447400123456');
  assert.equal(formatPhone('07400 123456', 'e164'), null, 'no region, no country code');
  assert.equal(formatPhone('+44 4', 'national'), null);
  assert.throws(() => formatPhone('+442079460018', 'local'), (e) => e instanceof IntakeError && e.code === 'options.invalid');
});

test('exampleNumber: per region and type, for placeholders', () => {
  assert.equal(exampleNumber('GB'), '+447400123456');
  assert.equal(exampleNumber('gb', 'fixed_line'), '+441212345678');
  assert.equal(formatPhone(exampleNumber('GB'), 'national'), '07400 123456');
  assert.equal(exampleNumber('XX'), null);
  assert.equal(exampleNumber('GB', 'pager'), '+447640123456');
  assert.throws(() => exampleNumber('GB', 'landline'), (e) => e instanceof IntakeError && e.code === 'options.invalid');
  // Every example number is valid, as checkField reads it.
  for (const region of ['GB', 'US', 'FR', 'NG', 'AU', 'IN', 'BR', 'DE']) {
    for (const type of ['fixed_line', 'mobile', 'toll_free']) {
      const example = exampleNumber(region, type);
      if (example) assert.equal(checkField('authvia', '/addresses/0/value', example).state, 'valid', example);
    }
  }
});

test('field context: a phone field with the rest of the record, as a person types', () => {
  const record = { phoneCountryCode: '44' };
  // Alone, a national number never passes as valid.
  assert.notEqual(checkField('atoa', '/phoneNumber', '0791', { partial: true }).state, 'valid');
  assert.equal(checkField('atoa', '/phoneNumber', '0791', { partial: true, record }).state, 'incomplete');
  const done = checkField('atoa', '/phoneNumber', '07911 123456', { partial: true, record });
  assert.equal(done.state, 'valid');
  assert.equal(done.normalized, '7911123456');
  // What AsYouType shows is what checkField reads: the states follow the typing.
  const typing = new AsYouType('GB');
  const states = [...'07911123456'].map((c) => checkField('atoa', '/phoneNumber', typing.input(c), { partial: true, record }).state);
  assert.deepEqual(states, [...Array(10).fill('incomplete'), 'valid']);
  assert.equal(checkField('atoa', '/phoneNumber', '4', { partial: true, record }).state, 'invalid', 'no UK number starts with 4');
  // Juicyway's phone with its billing country.
  const juicy = checkField('juicyway', '/phone', '07911 123456', { record: { billing_address: { country: 'GB' } } });
  assert.equal(juicy.state, 'valid');
});
