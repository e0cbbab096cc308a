// Type-checked by test/types.test.mjs (tsc --noEmit --strict); never run. What must compile
// does; each line marked @ts-expect-error must fail to compile (tsc reports an unused one).
import type { StandardSchemaV1 as SpecSchema, StandardJSONSchemaV1 } from '@standard-schema/spec';
import { FormApi } from '@tanstack/form-core';
import {
  checkField,
  fieldSchema,
  IntakeError,
  jsonSchema,
  schema,
  setMessages,
  validate,
  validateBatch,
  validateBatchUnknown,
  validateJson,
  validateUnknown,
  type AtoaCustomer,
  type AtoaCustomerInput,
  type IntakeErrorCode,
  type IntakeIssue,
  type MessageCatalog,
  type ProviderId,
} from 'intake';
import en from 'intake/messages/en.js';
import fr from 'intake/messages/fr.js';

// ---- provider ids ----------------------------------------------------------------
validate('atoa', { fullName: 'Ada' });
// @ts-expect-error: a typo of a provider id
validate('atao', {});
// @ts-expect-error: a typo of a provider id (JSON text)
validateJson('atao', '{}');
// @ts-expect-error: a typo of a provider id (batch)
validateBatch('atao', []);
// @ts-expect-error: a typo of a provider id (field)
checkField('atao', '/postcode', 'x');
// @ts-expect-error: a typo of a provider id (schema)
schema('stacks');
// @ts-expect-error: a typo of a provider id (JSON Schema)
jsonSchema('juicy');
// @ts-expect-error: a provider held in a plain string must be narrowed
validateUnknown('atoa' as string, {});

// ---- field pointers ----------------------------------------------------------------
checkField('atoa', '/postcode', 'x');
checkField('juicyway', '/billing_address/country', 'NG');
checkField('authvia', '/addresses/12/value', 'ada@example.com');
// @ts-expect-error: a typo of a pointer
checkField('atoa', '/postCode', 'x');
// @ts-expect-error: a pointer of another profile
checkField('atoa', '/billing_address/country', 'NG');
// @ts-expect-error: an index that is not a number
checkField('authvia', '/addresses/first/value', 'x');
// @ts-expect-error: a typo of a pointer (field schema)
fieldSchema('atoa', '/fullname');
fieldSchema('atoa', '/phoneNumber', { partial: true, record: () => ({ phoneCountryCode: '44' }) });

// ---- record fields -----------------------------------------------------------------
// @ts-expect-error: a typo of a field
validate('atoa', { fulName: 'Ada' });
// @ts-expect-error: a known field, misspelt, next to the right ones
validate('atoa', { fullName: 'Ada', emial: 'ada@example.com' });
// @ts-expect-error: the required fullName is missing
validate('atoa', { email: 'ada@example.com' });
// @ts-expect-error: a number where a string is documented
validate('atoa', { fullName: 42 });
// @ts-expect-error: a typo in a nested object
validate('juicyway', { first_name: 'A', last_name: 'B', email: 'e', phone: 'p', type: 'individual', billing_address: { line_1: 'x', city: 'c', state: 's', zip_code: 'z', country: 'NG' } });
// @ts-expect-error: a typo in a batch
validateBatch('stax', [{ first_name: 'Ada' }]);
validateBatch('stax', [{ firstname: 'Ada' }]);
// The explicit escape hatches for input whose type is not known.
validateUnknown('atoa', JSON.parse('{"fulName":"Ada"}'));
validateUnknown('atoa', { fulName: 'Ada' });
validateBatchUnknown('stax', [{ first_name: 'Ada' }, 42]);

// ---- options -----------------------------------------------------------------------
// @ts-expect-error: an unknown option
validate('atoa', { fullName: 'Ada' }, { todya: '2026-11-22' });
// @ts-expect-error: a message catalog keyed by something that is not a code
validate('atoa', { fullName: 'Ada' }, { messages: { 'phone.bad': 'x' } });
validate('atoa', { fullName: 'Ada' }, { messages: fr });
validate('atoa', { fullName: 'Ada' }, { messages: null });
const partialCatalog: MessageCatalog = { 'phone.invalid': 'Numéro invalide' };
setMessages(partialCatalog);
setMessages(en);
setMessages();
// @ts-expect-error: warnings are "separate" or "issues"
schema('atoa', { warnings: 'loud' });

// ---- errors ------------------------------------------------------------------------
try {
  validate('atoa', { fullName: 'Ada' });
} catch (e) {
  if (e instanceof IntakeError) {
    const code: IntakeErrorCode = e.code;
    // @ts-expect-error: not an IntakeError code
    const wrong: typeof e.code = 'oops';
    void code, wrong;
  }
}

// ---- Standard Schema ---------------------------------------------------------------
// The real spec's interfaces accept intake's schemas, with their input and output types.
const atoaSchema: SpecSchema<AtoaCustomerInput, AtoaCustomer> = schema('atoa');
const jsonSchemaToo: StandardJSONSchemaV1<AtoaCustomerInput, AtoaCustomer> = schema('atoa');
const field: SpecSchema = fieldSchema('atoa', '/postcode');
type Output = SpecSchema.InferOutput<typeof atoaSchema>;
const type: Output['type'] = 'BUSINESS';
// @ts-expect-error: the output (the normalized payload) has the documented spelling only
const lower: Output['type'] = 'business';
void jsonSchemaToo, field, type, lower;
const result = schema('juicyway')['~standard'].validate({});
if (!(result instanceof Promise)) {
  const warnings: ReadonlyArray<IntakeIssue> = result.warnings;
  if (result.issues) {
    const first: IntakeIssue | undefined = result.issues[0];
    const path: ReadonlyArray<string | number> | undefined = first?.path;
    void path;
  } else {
    const country: string = result.value.billing_address.country;
    void country;
  }
  void warnings;
}
// TanStack Form takes it as a form validator, typed by the profile's input.
const defaults: AtoaCustomerInput = { fullName: '' };
const form = new FormApi({ defaultValues: defaults, validators: { onSubmit: schema('atoa') } });
void form;
const id: ProviderId = 'stax';
void schema(id);
