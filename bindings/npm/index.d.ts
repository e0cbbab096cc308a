// The package's API. Every data type comes from ./types, generated from the Rust code
// (bindings/wasm/src/types.rs) and checked against the core's real output, so it cannot
// drift; this file only declares the functions.
import type {
  CheckFieldOptions,
  CustomerInputs,
  CustomerPayloads,
  FieldCheck,
  FieldPointers,
  Outcome,
  ProviderId,
  ProviderInfo,
  RuleResult,
  ValidateOptions,
} from './types/index.js';

export type * from './types/index.js';

/** What init() accepts to locate the WASM module; defaults to the file next to index.js. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<RequestInfo | URL | Response | BufferSource | WebAssembly.Module>;

/**
 * Loads the WASM module (fetch in a browser, the file in Node). Call once, and await it,
 * before anything else; concurrent and repeated calls share one load.
 */
export function init(input?: InitInput): Promise<void>;

/**
 * Validates one record against a profile: every error and warning, coded and placed by a
 * JSON Pointer, and, when valid, the provider-ready payload. The same JSON a line of
 * `intake check` prints for the record (without `record`).
 *
 * @example
 * const outcome = validate("atoa", { fullName: "Ada Lovelace", email: "ada@example.com" });
 * if (outcome.valid) send(outcome.normalized); // an AtoaCustomer
 * else show(outcome.errors);
 *
 * @throws {IntakeError} `provider.unknown`, `options.invalid`.
 */
export function validate<P extends ProviderId>(
  provider: P,
  record: CustomerInputs[P],
  options?: ValidateOptions,
): Outcome<CustomerPayloads[P]>;
/** Validates any value: one that is not an object is an invalid record (`record.not_object`). */
export function validate<P extends ProviderId>(
  provider: P,
  record: unknown,
  options?: ValidateOptions,
): Outcome<CustomerPayloads[P]>;
export function validate(provider: string, record: unknown, options?: ValidateOptions): Outcome;

/**
 * Validates one record given as JSON text, as it arrived: text that is not JSON is an
 * invalid record (status 400, `record.malformed`), not an exception.
 *
 * @throws {IntakeError} `provider.unknown`, `options.invalid`.
 */
export function validateJson<P extends ProviderId>(
  provider: P,
  text: string,
  options?: ValidateOptions,
): Outcome<CustomerPayloads[P]>;
export function validateJson(provider: string, text: string, options?: ValidateOptions): Outcome;

/**
 * Validates records as one batch, in order: an outcome per record, with the batch rules
 * (Authvia's repeated `ref`, Juicyway's and Stax's repeated email) applied.
 *
 * @throws {IntakeError} `provider.unknown`, `options.invalid`, `input.invalid`.
 */
export function validateBatch<P extends ProviderId>(
  provider: P,
  records: ReadonlyArray<CustomerInputs[P]>,
  options?: ValidateOptions,
): Outcome<CustomerPayloads[P]>[];
export function validateBatch<P extends ProviderId>(
  provider: P,
  records: ReadonlyArray<unknown>,
  options?: ValidateOptions,
): Outcome<CustomerPayloads[P]>[];
export function validateBatch(provider: string, records: ReadonlyArray<unknown>, options?: ValidateOptions): Outcome[];

/**
 * Checks one field as a person types it. With `partial: true`, a value that could still
 * become valid (`+44 79`, `SW1A`, `4111 1111`, month `1`) is `incomplete`, not `invalid`.
 * A field whose rule depends on another (Atoa's `phoneNumber` on `phoneCountryCode`,
 * Juicyway's `phone` on `billing_address.country`, Stax's `phone` on `address_country`)
 * takes the rest of the form as `record`; record-wide rules need {@link validate}.
 *
 * @example
 * checkField("atoa", "/postcode", "SW1A", { partial: true }).state; // "incomplete"
 * checkField("atoa", "/postcode", "sw1a1aa").normalized;            // "SW1A 1AA"
 * checkField("atoa", "/phoneNumber", "07911 123456", { record: { phoneCountryCode: "44" } }).normalized; // "7911123456"
 *
 * @throws {IntakeError} `provider.unknown`, `field.unknown`, `options.invalid`.
 */
export function checkField<P extends ProviderId>(
  provider: P,
  pointer: FieldPointers[P],
  value: unknown,
  options?: CheckFieldOptions,
): FieldCheck;
export function checkField(provider: string, pointer: string, value: unknown, options?: CheckFieldOptions): FieldCheck;

/** Every profile and its fields (the same list as `intake providers`). */
export function providers(): ProviderInfo[];

/**
 * Runs one field rule by name on a value: the low-level surface the shared field
 * fixtures drive, for tests and tooling rather than forms. Rules: `text`, `email`,
 * `phone`, `phone_with_code`, `uk_postcode`, `atoa_postcode`, `gb_vat`, `country`,
 * `card_number`, `expiry_month`, `expiry_year`, `expiry`, `cvv`, `uuid`, `hex24`,
 * `enum`, `date`, `url`, `number`, `boolean`; `args` as in `intake::json::rule`.
 *
 * @throws {IntakeError} `rule.unknown`, `options.invalid`, `input.invalid`.
 */
export function rule(name: string, input: unknown, args?: Record<string, unknown>): RuleResult;

/** A caller's mistake: an unknown provider, field or rule, or options that do not parse. */
export class IntakeError extends Error {
  readonly name: 'IntakeError';
  /** A stable name: `provider.unknown`, `options.invalid`, `field.unknown`, `rule.unknown` or `input.invalid`. */
  readonly code: string;
}

/**
 * The JSON-text surface: the same functions taking and returning JSON text, exactly the
 * bytes of the Rust core's `intake::json` functions (nothing parsed or filled in: options
 * must carry `today`). For callers that already hold JSON text, and for parity tests.
 */
export const raw: {
  readonly validate: (provider: string, recordJson: string, optionsJson: string) => string;
  readonly validateBatch: (provider: string, recordsJson: string, optionsJson: string) => string;
  readonly checkField: (provider: string, pointer: string, valueJson: string, optionsJson: string) => string;
  readonly providers: () => string;
  readonly rule: (name: string, inputJson: string, argsJson: string) => string;
};
