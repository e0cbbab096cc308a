// Type-checked by test/types.test.mjs (tsc --noEmit, under two module resolutions); never run.
// Lines marked @ts-expect-error must fail to type-check: the types are strict where they say so.
import {
  AsYouType,
  checkField,
  exampleNumber,
  formatPhone,
  init,
  IntakeError,
  providers,
  raw,
  rule,
  validate,
  validateBatch,
  validateJson,
  validateUnknown,
  type AtoaCustomer,
  type AtoaCustomerInput,
  type Code,
  type Diagnostic,
  type FieldCheck,
  type FieldInfo,
  type FieldState,
  type JuicywayCustomerInput,
  type Outcome,
  type PhoneNumberType,
  type PhoneStyle,
  type ProviderId,
  type ProviderInfo,
  type ValidateOptions,
} from 'intake';

await init();
await init(new URL('./pkg/intake_wasm_bg.wasm', import.meta.url));

// Inputs: typed per profile (completion in editors); anything is accepted as `unknown` too.
const atoa: AtoaCustomerInput = { fullName: 'Ada Lovelace', email: 'ada@example.com', type: 'business', postcode: null };
const outcome = validate('atoa', atoa, { today: '2026-11-22' });
if (outcome.valid) {
  const payload: AtoaCustomer = outcome.normalized; // narrowed by `valid`
  const name: string = payload.fullName;
  const type: 'INDIVIDUAL' | 'BUSINESS' = payload.type;
  const none: [] = outcome.errors;
  void name, type, none;
  // @ts-expect-error: a valid outcome has no status
  void outcome.status.toFixed();
} else {
  const status: number = outcome.status;
  const first: Diagnostic | undefined = outcome.errors[0];
  const code: Code | undefined = first?.code;
  // @ts-expect-error: an invalid outcome has no payload
  void outcome.normalized.fullName;
  void status, code;
}
const fromJson: Outcome<AtoaCustomer> = validateJson('atoa', '{"fullName":"Ada"}');
const untyped: Outcome = validateUnknown('juicyway', JSON.parse('{}') as unknown);
const dynamic: Outcome = validateUnknown(('juicy' + 'way') as ProviderId, {});
void fromJson, untyped, dynamic;

const juicy: JuicywayCustomerInput = {
  first_name: 'Ada', last_name: 'Obi', email: 'ada@example.com', phone: '+234 801 234 5678', type: 'individual',
  billing_address: { line1: '1 Marina', city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'NG' },
};
// @ts-expect-error: billing_address is required in Juicyway's input
const missing: JuicywayCustomerInput = { first_name: 'A', last_name: 'B', email: 'e', phone: 'p', type: 'individual' };
void missing;
const batch = validateBatch('juicyway', [juicy, juicy]);
const firstValid = batch[0]?.valid === true ? batch[0].normalized.billing_address.country : undefined;
void firstValid;

// Options.
const options: ValidateOptions = { today: '2026-11-22', flow: 1, limits: { maxDepth: 8 } };
// @ts-expect-error: there is no flow 5
const badFlow: ValidateOptions = { flow: 5 };
void options, badFlow;

// Single fields: pointers are typed per profile; the result narrows on `state`.
const check: FieldCheck = checkField('atoa', '/postcode', 'SW1A', { partial: true, region: 'GB' });
const state: FieldState = check.state;
if (check.state === 'valid') {
  void check.normalized;
} else {
  const message: string = check.error.message;
  void message;
}
checkField('authvia', '/addresses/3/value', 'ada@example.com');
// A pointer held in a plain string (from a form) must be narrowed first (or cast: checked at run time).
const pointer: string = '/postcode';
checkField('atoa', pointer as '/postcode', 'SW1A');
void state;

// The catalog.
const list: ProviderInfo[] = providers();
const ids: ProviderId[] = list.map((p) => p.id);
const field: FieldInfo | undefined = list[0]?.fields[0];
const max: number | undefined = field?.maxLength;
void ids, max;

// The low-level surfaces.
const vat = rule('gb_vat', 'GB 980 7806 84');
const normalized: unknown = vat.normalized;
const text: string = raw.validate('atoa', '{}', '{"today":"2026-11-22"}');
void normalized, text;

try {
  validateUnknown('acme' as ProviderId, {});
} catch (e) {
  if (e instanceof IntakeError) {
    const code: string = e.code;
    void code;
  }
}

// Phone helpers for forms.
const typing = new AsYouType('GB');
const shown: string = typing.input('07400');
const e164: string | undefined = typing.reset().getNumberValue();
new AsYouType({ defaultCountry: 'US' });
new AsYouType();
const style: PhoneStyle = 'national';
const written: string | null = formatPhone('+447400123456', style, 'GB');
// @ts-expect-error: not a style
formatPhone('+447400123456', 'local');
const kind: PhoneNumberType = 'fixed_line';
const placeholder: string | null = exampleNumber('GB', kind) ?? exampleNumber('GB');
// @ts-expect-error: not a number type
exampleNumber('GB', 'landline');
// Field context: the rest of the record, optional.
checkField('atoa', '/phoneNumber', '07911', { partial: true, record: { phoneCountryCode: '44' } });
void shown, e164, written, placeholder;
