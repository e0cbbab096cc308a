// Standard Schema v1 (standardschema.dev): the shape the spec fixes, JSON Pointers decoded into
// paths, and the schemas driven by react-hook-form's standard-schema resolver and by TanStack
// Form's core (headless, in Node: no React renderer, no DOM).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { FieldApi, FormApi } from '@tanstack/form-core';
import { createFormControl } from 'react-hook-form';
import { fieldSchema, init, jsonSchema, pointerToPath, schema, validate } from '../index.js';
import fr from '../messages/fr.js';

await init();
const TODAY = { today: '2026-11-22' };

const JUICY = {
  first_name: 'Ada',
  last_name: 'Obi',
  email: 'ada@example.com',
  phone: '+234 801 234 5678',
  type: 'individual',
  billing_address: { line1: '1 Marina', city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'NG' },
};

test('the ~standard property is exactly the spec\'s', () => {
  for (const s of [schema('atoa'), fieldSchema('atoa', '/postcode')]) {
    const std = s['~standard'];
    assert.equal(std.version, 1);
    assert.equal(std.vendor, 'intake');
    assert.equal(typeof std.validate, 'function');
    assert.ok(Object.isFrozen(s) && Object.isFrozen(std));
  }
});

test('a valid record: the value is the normalized payload, warnings apart', () => {
  const result = schema('atoa', TODAY)['~standard'].validate({ fullName: ' Ada  Lovelace ', email: 'ada@gmial.com', postcode: 'sw1a1aa' });
  assert.equal(result.issues, undefined);
  assert.deepEqual(result.value, validate('atoa', { fullName: ' Ada  Lovelace ', email: 'ada@gmial.com', postcode: 'sw1a1aa' }, TODAY).normalized);
  assert.equal(result.value.postcode, 'SW1A 1AA');
  assert.deepEqual(result.warnings.map((w) => [w.path, w.code, w.severity]), [[['email'], 'email.typo', 'warning']]);
  // With warnings: "issues", a warning blocks.
  const strict = schema('atoa', { ...TODAY, warnings: 'issues' })['~standard'].validate({ fullName: 'Ada', email: 'ada@gmial.com' });
  assert.deepEqual(strict.issues.map((i) => [i.path, i.code, i.severity]), [[['email'], 'email.typo', 'warning']]);
  assert.equal(strict.value, undefined);
});

test('errors become issues: decoded paths, codes kept, record-level ones without a path', () => {
  const outcome = validate('juicyway', { ...JUICY, email: 'nope', billing_address: { ...JUICY.billing_address, country: 'XX' } }, TODAY);
  const result = schema('juicyway', TODAY)['~standard'].validate({ ...JUICY, email: 'nope', billing_address: { ...JUICY.billing_address, country: 'XX' } });
  assert.deepEqual(
    result.issues.map((i) => [i.path, i.code, i.message, i.pointer]),
    outcome.errors.map((d) => [pointerToPath(d.path), d.code, d.message, d.path]),
  );
  assert.deepEqual(result.issues.map((i) => i.path), [['email'], ['billing_address', 'country']]);
  // A record-wide error has no path (Standard Schema: the root).
  const stax = schema('stax', TODAY)['~standard'].validate({});
  assert.deepEqual(stax.issues.map((i) => [i.path, i.code]), [[undefined, 'record.one_of_required']]);
  assert.ok(!('path' in stax.issues[0]));
  // Array indices are numbers where they index an array of the input.
  const authvia = schema('authvia', TODAY)['~standard'].validate({ ref: 'r1', addresses: ['ada@example.com', { value: 'nope' }] });
  assert.deepEqual(authvia.issues.map((i) => i.path), [['addresses', 1, 'value']]);
});

test('pointerToPath follows RFC 6901', () => {
  assert.equal(pointerToPath(''), undefined);
  assert.deepEqual(pointerToPath('/'), ['']);
  assert.deepEqual(pointerToPath('/a~1b/c~0d/~01'), ['a/b', 'c~d', '~1']);
  assert.deepEqual(pointerToPath('/items/0/name', { items: [{}] }), ['items', 0, 'name']);
  // A numeric key of an object stays a string; without the input, too.
  assert.deepEqual(pointerToPath('/items/0', { items: { 0: 'x' } }), ['items', '0']);
  assert.deepEqual(pointerToPath('/items/0'), ['items', '0']);
  // A warning on an unknown member whose name holds / and ~.
  const result = schema('atoa', TODAY)['~standard'].validate({ fullName: 'Ada', email: 'ada@example.com', 'a/b~c': 1 });
  assert.deepEqual(result.warnings.map((w) => [w.path, w.pointer, w.code]), [[['a/b~c'], '/a~1b~0c', 'field.unknown']]);
});

test('a field schema: the normalized value, or one issue without a path', () => {
  const postcode = fieldSchema('atoa', '/postcode', { ...TODAY, partial: true });
  assert.deepEqual(postcode['~standard'].validate('sw1a1aa'), { value: 'SW1A 1AA', warnings: [], state: 'valid' });
  const incomplete = postcode['~standard'].validate('SW1A');
  assert.equal(incomplete.state, 'incomplete');
  assert.equal(incomplete.issues.length, 1);
  assert.equal(incomplete.issues[0].path, undefined);
  const invalid = fieldSchema('atoa', '/postcode', TODAY)['~standard'].validate('!!');
  assert.deepEqual(invalid.issues.map((i) => [i.code, i.severity]), [['postcode.invalid', 'error']]);
  // `record` as a function: read at each validation (the rest of the form as it is now).
  let form = { phoneCountryCode: '44' };
  const phone = fieldSchema('atoa', '/phoneNumber', { ...TODAY, record: () => form });
  assert.equal(phone['~standard'].validate('07911 123456').value, '7911123456');
  form = { phoneCountryCode: '1' };
  assert.ok(phone['~standard'].validate('07911 123456').issues);
  // Messages from a catalog.
  const french = fieldSchema('atoa', '/fullName', { ...TODAY, messages: fr })['~standard'].validate('A');
  assert.equal(french.issues[0].message, 'Ce texte doit compter au moins 2 caractères.');
});

test('the Standard JSON Schema converter gives the input schema for draft 2020-12 and draft-07', () => {
  const converter = schema('atoa')['~standard'].jsonSchema;
  assert.deepEqual(converter.input({ target: 'draft-2020-12' }), jsonSchema('atoa'));
  const draft7 = converter.input({ target: 'draft-07' });
  assert.equal(draft7.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual({ ...draft7, $schema: undefined }, { ...jsonSchema('atoa'), $schema: undefined });
});

// ---- react-hook-form ---------------------------------------------------------

const rhfOptions = { fields: {}, shouldUseNativeValidation: false };

test('react-hook-form: standardSchemaResolver maps issues to fields, nested paths and root', async () => {
  const resolver = standardSchemaResolver(schema('juicyway', TODAY));
  const ok = await resolver(JUICY, undefined, rhfOptions);
  assert.deepEqual(ok.errors, {});
  assert.equal(ok.values.phone, '+2348012345678'); // the parsed (normalized) values
  const bad = await resolver({ ...JUICY, email: 'nope', billing_address: { ...JUICY.billing_address, line1: ' ' } }, undefined, rhfOptions);
  assert.deepEqual(bad.values, {});
  assert.equal(bad.errors.email.message, validate('juicyway', { ...JUICY, email: 'nope' }, TODAY).errors[0].message);
  assert.ok(bad.errors.billing_address.line1.message);
  // Record-level errors land on `root`.
  const root = await standardSchemaResolver(schema('stax', TODAY))({}, undefined, rhfOptions);
  assert.equal(typeof root.errors.root.message, 'string');
  assert.deepEqual(Object.keys(root.errors), ['root']);
});

test('react-hook-form: a headless form (createFormControl) submits the normalized payload or shows errors', async () => {
  let submitted = null;
  let failed = null;
  const { formControl, register, handleSubmit } = createFormControl({
    defaultValues: { fullName: '', email: '' },
    resolver: standardSchemaResolver(schema('atoa', { ...TODAY, messages: fr })),
  });
  register('fullName');
  register('email');
  formControl.setValue('fullName', 'A');
  await handleSubmit((data) => { submitted = data; }, (errors) => { failed = errors; })();
  assert.equal(submitted, null);
  assert.equal(failed.fullName.message, 'Ce texte doit compter au moins 2 caractères.');
  formControl.setValue('fullName', '  Ada   Lovelace ');
  formControl.setValue('email', 'ada@example.com');
  failed = null;
  await handleSubmit((data) => { submitted = data; }, (errors) => { failed = errors; })();
  assert.equal(failed, null);
  assert.equal(submitted.fullName, 'Ada Lovelace');
  assert.equal(submitted.type, 'INDIVIDUAL'); // default filled in by the profile
});

// ---- TanStack Form -------------------------------------------------------------

test('TanStack Form: a form-level schema puts each issue on its field, nested fields included', async () => {
  let submitted = null;
  const form = new FormApi({
    defaultValues: { ...JUICY, email: 'nope', billing_address: { ...JUICY.billing_address, country: 'XX' } },
    validators: { onSubmit: schema('juicyway', TODAY) },
    onSubmit: ({ value }) => {
      submitted = value;
    },
  });
  form.mount();
  const email = new FieldApi({ form, name: 'email' });
  const country = new FieldApi({ form, name: 'billing_address.country' });
  email.mount();
  country.mount();
  await form.handleSubmit();
  assert.equal(submitted, null);
  assert.deepEqual(email.state.meta.errors.map((i) => i.code), ['email.invalid']);
  assert.deepEqual(country.state.meta.errors.map((i) => i.code), ['country.invalid']);
  email.setValue('ada@example.com');
  country.setValue('ng');
  await form.handleSubmit();
  assert.equal(submitted?.email, 'ada@example.com');
  assert.deepEqual(email.state.meta.errors, []);
});

test('TanStack Form: a field-level schema validates as the person types', async () => {
  const form = new FormApi({ defaultValues: { postcode: '' } });
  form.mount();
  const postcode = new FieldApi({ form, name: 'postcode', validators: { onChange: fieldSchema('atoa', '/postcode', { ...TODAY, partial: true }) } });
  postcode.mount();
  postcode.setValue('SW1A');
  assert.equal(postcode.state.meta.errors.length, 1);
  assert.equal(postcode.state.meta.errors[0].severity, 'error');
  postcode.setValue('SW1A 1AA');
  assert.deepEqual(postcode.state.meta.errors, []);
  postcode.setValue('!!');
  assert.deepEqual(postcode.state.meta.errors.map((i) => i.code), ['postcode.invalid']);
});
