// The package's API. Every data type comes from ./types, generated from the Rust code
// (bindings/wasm/src/types.rs) and checked against the core's real output, so it cannot
// drift; this file only declares the functions.
import type {
  CheckFieldOptions,
  CustomerInputs,
  CustomerPayloads,
  FieldCheck,
  FieldPointers,
  FieldState,
  Outcome,
  PhoneNumberType,
  PhoneStyle,
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
 * before anything else; concurrent and repeated calls share one load. In a browser, where
 * the bundler did not carry the .wasm along (or a dev server answers with something else),
 * the copy inlined in the package is used instead: no bundler needs configuring.
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
 * `phone`, `phone_format`, `phone_as_you_type`, `phone_with_code`, `uk_postcode`, `atoa_postcode`, `gb_vat`, `country`,
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
  /** `PhoneTyping` as JSON text: what the formatter shows for the whole `text`, typed in `region` (`""`: none). */
  readonly asYouType: (text: string, region: string) => string;
  /** A JSON string, or `null`; throws `options.invalid` for an unknown style. */
  readonly formatPhone: (text: string, style: string, region: string) => string;
  /** A JSON string, or `null`; throws `options.invalid` for an unknown number type. */
  readonly exampleNumber: (region: string, type: string) => string;
};

/**
 * A phone number as libphonenumber's `format_number` writes it: `national` (`07400 123456`),
 * `international` (`+44 7400 123456`) or `e164` (`+447400123456`). A number written without
 * `+` is read in `region` (ISO alpha-2). `null` when the text is not a valid phone number
 * (use {@link checkField} or {@link rule} to learn why).
 *
 * @example
 * formatPhone("+442079460018", "national");            // "020 7946 0018"
 * formatPhone("(201) 555-0123", "international", "US"); // "+1 201-555-0123"
 * formatPhone("07400 123456", "e164", "GB");            // "+447400123456"
 * formatPhone("+44 4", "e164");                         // null
 *
 * @throws {IntakeError} `options.invalid` (a style that is not one of {@link PhoneStyle}).
 */
export function formatPhone(text: string, style: PhoneStyle, region?: string | null): string | null;

/**
 * libphonenumber's example number of a region (ISO alpha-2) and kind of line, in E.164: a
 * placeholder for a phone field (write it with {@link formatPhone}). `null` when the region is
 * unknown or has no number of that kind.
 *
 * @example
 * exampleNumber("GB");                                    // "+447400123456" (mobile)
 * exampleNumber("GB", "fixed_line");                      // "+441212345678"
 * formatPhone(exampleNumber("GB")!, "national");          // "07400 123456"
 *
 * @throws {IntakeError} `options.invalid` (a type that is not one of {@link PhoneNumberType}).
 */
export function exampleNumber(region: string, type?: PhoneNumberType): string | null;

/**
 * Formats a phone number as a person types it, as libphonenumber's `AsYouTypeFormatter`
 * does (the shape of libphonenumber-js's `AsYouType`): each {@link AsYouType.input} appends
 * text and returns the whole text so far, formatted. Digits and a leading `+` are formatted;
 * any other character (a space, a dash, a letter) stops the formatting and the text is shown
 * as typed, as libphonenumber does: a form passes the digits (and a leading `+`) it holds.
 *
 * @example
 * const typing = new AsYouType("GB");
 * typing.input("0740");       // "0740"
 * typing.input("0123456");    // "07400 123456"
 * typing.getNumberValue();    // "+447400123456"
 * typing.getNumberType();     // "mobile"
 * typing.getState();          // "valid"
 * typing.reset();
 * typing.input("+12015550123"); // "+1 201-555-0123"
 */
export class AsYouType {
  /**
   * @param region Where the number is typed (ISO alpha-2, or libphonenumber-js's
   * `{ defaultCountry }`): national numbers and its international prefix are read there.
   * Without one (or with a region the metadata does not know) only numbers that begin with
   * `+` are formatted.
   */
  constructor(region?: string | { defaultCountry?: string } | null);
  /** Appends `text` and returns the whole text so far, formatted. */
  input(text: string): string;
  /** Forgets the text typed, to begin another number; returns this formatter. */
  reset(): this;
  /**
   * The number's E.164 form once the text is a valid phone number (as {@link checkField}
   * would accept it), else `undefined`. Unlike libphonenumber-js, which gives the E.164 of
   * any number whose calling code is known, an incomplete or invalid number has none.
   */
  getNumberValue(): string | undefined;
  /** The text typed so far, as typed. */
  getChars(): string;
  /**
   * The live state of the number typed: `"valid"`; `"incomplete"` while some continuation
   * can still be a valid number of the region (by libphonenumber's metadata: `+44 7` is
   * incomplete, `+44 4` invalid at once); else `"invalid"`. `undefined` before any input.
   */
  getState(): FieldState | undefined;
  /** The number's type once the text is a valid number (`"mobile"`, `"fixed_line"`, ...), else `undefined`. */
  getNumberType(): PhoneNumberType | undefined;
}
