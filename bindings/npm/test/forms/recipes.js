// The README's form-library recipes, run in the browser: react-hook-form's
// standard-schema resolver (through a headless form control) and TanStack Form,
// each with intake's `schema()` / `fieldSchema()`. Bundled by esbuild in
// test/browser.test.mjs; what each step gives is put on `window.results`.
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { FieldApi, FormApi } from '@tanstack/form-core';
import { createFormControl } from 'react-hook-form';
import { fieldSchema, init, schema } from 'intake';

const TODAY = { today: '2026-11-22' };

async function reactHookForm() {
  let submitted = null;
  let failed = null;
  const { formControl, register, handleSubmit } = createFormControl({
    defaultValues: { fullName: '', email: '' },
    resolver: standardSchemaResolver(schema('atoa', TODAY)),
  });
  register('fullName');
  register('email');
  formControl.setValue('fullName', 'A');
  await handleSubmit((data) => { submitted = data; }, (errors) => { failed = errors; })();
  const refused = { submitted, fullName: failed?.fullName?.message ?? null };
  formControl.setValue('fullName', '  Ada   Lovelace ');
  formControl.setValue('email', 'ada@example.com');
  failed = null;
  await handleSubmit((data) => { submitted = data; }, (errors) => { failed = errors; })();
  return { refused, failed, submitted };
}

async function tanstack() {
  let submitted = null;
  const form = new FormApi({
    defaultValues: {
      first_name: 'Ada', last_name: 'Obi', email: 'nope', phone: '+234 801 234 5678', type: 'individual',
      billing_address: { line1: '1 Marina', city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'XX' },
    },
    validators: { onSubmit: schema('juicyway', TODAY) },
    onSubmit: ({ value }) => { submitted = value; },
  });
  form.mount();
  const email = new FieldApi({ form, name: 'email' });
  const country = new FieldApi({ form, name: 'billing_address.country' });
  email.mount();
  country.mount();
  await form.handleSubmit();
  const refused = { submitted, email: email.state.meta.errors.map((i) => i.code), country: country.state.meta.errors.map((i) => i.code) };
  email.setValue('ada@example.com');
  country.setValue('ng');
  await form.handleSubmit();

  const typing = new FormApi({ defaultValues: { postcode: '' } });
  typing.mount();
  const postcode = new FieldApi({
    form: typing, name: 'postcode', validators: { onChange: fieldSchema('atoa', '/postcode', { ...TODAY, partial: true }) },
  });
  postcode.mount();
  postcode.setValue('SW1A');
  const partial = postcode.state.meta.errors.map((i) => i.code);
  postcode.setValue('SW1A 1AA');
  return { refused, submitted, emailErrors: email.state.meta.errors, partial, complete: postcode.state.meta.errors };
}

try {
  await init();
  window.results = { reactHookForm: await reactHookForm(), tanstack: await tanstack() };
} catch (e) {
  window.results = { error: String(e?.stack ?? e) };
}
document.body.dataset.done = 'true';
