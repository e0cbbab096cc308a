// The package's API. Every data type comes from ./types, generated from the Rust code
// (bindings/wasm/src/types.rs) and checked against the core's real output, so it cannot
// drift; this file only declares the functions.
import type {
  CheckFieldOptions,
  Code,
  CustomerInputs,
  CustomerPayloads,
  FieldCheck,
  FieldPointers,
  FieldState,
  JsonValue,
  Outcome,
  PhoneNumberType,
  PhoneStyle,
  ProviderId,
  ProviderInfo,
  RuleResult,
  ValidateOptions,
} from './types/index.js';

export type * from './types/index.js';

/**
 * What init() accepts to locate the WASM module; defaults to the file next to index.js: a URL
 * (text, or a `URL`), a fetch `Response`, the bytes, or a compiled `WebAssembly.Module`, or a
 * promise of one. Written without the DOM library (a Node project needs no `lib: ["dom"]`):
 * a `URL` and a `Response` are matched by their shape, and a `WebAssembly.Module` (a type
 * with no members, so any object matches it even with the DOM library) by `object`.
 */
export type InitInput = InitSource | Promise<InitSource>;
/** One of the sources of {@link InitInput}. */
export type InitSource =
  | string
  | { readonly href: string }
  | { arrayBuffer(): Promise<ArrayBuffer>; readonly headers: unknown }
  | ArrayBuffer
  | ArrayBufferView
  | object;

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
 * @throws {IntakeError} `provider.unknown`, `options.invalid`, `not_initialized` (a record JSON cannot hold is an invalid outcome, not a throw).
 */
export function validate<P extends ProviderId>(
  provider: P,
  record: CustomerInputs[P],
  options?: ValidateOptions & MessageOptions,
): Outcome<CustomerPayloads[P]>;

/**
 * {@link validate} for a value whose type is not known at compile time (parsed JSON, a
 * form's state): the same call, with the record typed `unknown`. A value that is not an
 * object is an invalid record (`record.not_object`); one JSON cannot hold (a BigInt, a
 * cycle, a function) is `record.malformed` at its pointer.
 *
 * @throws {IntakeError} `provider.unknown`, `options.invalid`, `not_initialized`.
 */
export function validateUnknown<P extends ProviderId>(
  provider: P,
  record: unknown,
  options?: ValidateOptions & MessageOptions,
): Outcome<CustomerPayloads[P]>;

/**
 * Validates one record given as JSON text, as it arrived: text that is not JSON is an
 * invalid record (status 400, `record.malformed`), not an exception.
 *
 * @throws {IntakeError} `provider.unknown`, `options.invalid`, `not_initialized`.
 */
export function validateJson<P extends ProviderId>(
  provider: P,
  text: string,
  options?: ValidateOptions & MessageOptions,
): Outcome<CustomerPayloads[P]>;

/**
 * Validates records as one batch, in order: an outcome per record, with the batch rules
 * (Authvia's repeated `ref`, Juicyway's and Stax's repeated email) applied.
 *
 * @throws {IntakeError} `provider.unknown`, `options.invalid`, `input.invalid`, `not_initialized`.
 */
export function validateBatch<P extends ProviderId>(
  provider: P,
  records: ReadonlyArray<CustomerInputs[P]>,
  options?: ValidateOptions & MessageOptions,
): Outcome<CustomerPayloads[P]>[];

/** {@link validateBatch} for values whose type is not known at compile time: the same call. */
export function validateBatchUnknown<P extends ProviderId>(
  provider: P,
  records: ReadonlyArray<unknown>,
  options?: ValidateOptions & MessageOptions,
): Outcome<CustomerPayloads[P]>[];

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
 * @throws {IntakeError} `provider.unknown`, `field.unknown`, `options.invalid`, `not_initialized`.
 */
export function checkField<P extends ProviderId>(
  provider: P,
  pointer: FieldPointers[P],
  value: unknown,
  options?: CheckFieldOptions & MessageOptions,
): FieldCheck;

/** Every profile and its fields (the same list as `intake providers`). */
export function providers(): ProviderInfo[];

/**
 * Runs one field rule by name on a value: the low-level surface the shared field
 * fixtures drive, for tests and tooling rather than forms. Rules: `text`, `email`,
 * `phone`, `phone_format`, `phone_as_you_type`, `phone_with_code`, `uk_postcode`, `atoa_postcode`, `gb_vat`, `country`,
 * `card_number`, `expiry_month`, `expiry_year`, `expiry`, `cvv`, `uuid`, `hex24`,
 * `enum`, `date`, `url`, `number`, `boolean`; `args` as in `intake::json::rule`.
 *
 * @throws {IntakeError} `rule.unknown`, `options.invalid`, `input.invalid` (an input JSON cannot hold), `not_initialized`.
 */
export function rule(name: string, input: unknown, args?: Record<string, unknown>): RuleResult;

/**
 * Every error the package throws: a caller's mistake (an unknown provider, field or rule,
 * options that do not parse, a call before {@link init} finished), never a problem of the
 * data (that is an invalid outcome). `cause` holds the underlying error where there is one.
 */
export class IntakeError extends Error {
  readonly name: 'IntakeError';
  /** A stable name, one of {@link IntakeErrorCode}. */
  readonly code: IntakeErrorCode;
}

/**
 * The codes of {@link IntakeError}: `not_initialized` (called before `await init()`),
 * `provider.unknown`, `field.unknown`, `rule.unknown`, `options.invalid` (options, a message
 * catalog or a JSON Schema target that cannot be used), `input.invalid` (a batch that is not
 * an array, a rule input JSON cannot hold); `internal` would be a bug of intake's.
 */
export type IntakeErrorCode =
  | 'not_initialized'
  | 'provider.unknown'
  | 'field.unknown'
  | 'rule.unknown'
  | 'options.invalid'
  | 'input.invalid'
  | 'internal';

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
  /** The JSON Schema of a profile's input, as JSON text. */
  readonly jsonSchema: (provider: string) => string;
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

// ---------------------------------------------------------------------------
// Messages.

/**
 * A message catalog: a text per {@link Code}. A text may hold `{min}`, `{max}` (a text
 * field's length limits) and `{values}` (an enumeration's documented values), filled from
 * the profile's catalog, never from the input. A code it lacks keeps the core's English
 * message. `intake/messages/en.js` is the complete English catalog (generated from the
 * core's codes), `intake/messages/fr.js` a French one.
 */
export type MessageCatalog = { readonly [C in Code]?: string };

/** The `messages` option of every validating call. */
export interface MessageOptions {
  /** The catalog for this call (`null`: the core's English, whatever {@link setMessages} set). */
  messages?: MessageCatalog | null;
}

/**
 * Sets the catalog every call uses unless it passes its own `messages`; `null` or nothing
 * restores the core's English messages.
 *
 * @example
 * import fr from "intake/messages/fr.js";
 * setMessages(fr);
 *
 * @throws {IntakeError} `options.invalid` (not an object of texts).
 */
export function setMessages(messages?: MessageCatalog | null): void;

// ---------------------------------------------------------------------------
// JSON Schema and Standard Schema.

/**
 * The JSON Schema (draft 2020-12) of a profile's input record, generated in the Rust core
 * from the same catalog as {@link providers} (and `intake schema --provider <id>`).
 * Cross-field rules, checksums and registries are not in it: see the README.
 *
 * @throws {IntakeError} `provider.unknown`, `not_initialized`.
 */
export function jsonSchema(provider: ProviderId): Record<string, unknown>;

/**
 * The Standard Schema v1 interface (standardschema.dev, `@standard-schema/spec` 1.1), as
 * the spec recommends: copied, so the package depends on nothing.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input'];
  type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output'];
}

/** The Standard JSON Schema v1 converter (`@standard-schema/spec` 1.1). */
export interface StandardJSONSchemaV1Converter {
  /** The input's JSON Schema: `target` `"draft-2020-12"` or `"draft-07"`; other targets throw `options.invalid`. */
  readonly input: (options: { readonly target: string; readonly libraryOptions?: Record<string, unknown> | undefined }) => Record<string, unknown>;
  /** Throws `options.invalid`: only the input has a JSON Schema. */
  readonly output: (options: { readonly target: string; readonly libraryOptions?: Record<string, unknown> | undefined }) => Record<string, unknown>;
}

/** One issue of a schema: a Standard Schema issue with intake's code. */
export interface IntakeIssue extends StandardSchemaV1.Issue {
  /** The field's path, the JSON Pointer decoded (array indices as numbers); absent for the record as a whole or a single field. */
  readonly path?: ReadonlyArray<string | number> | undefined;
  readonly code: Code;
  readonly severity: 'error' | 'warning';
  /** The JSON Pointer the path was decoded from (records only). */
  readonly pointer?: string;
}

/** What a schema's `validate` gives: Standard Schema's result, with the warnings apart. */
export type IntakeSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined; readonly warnings: ReadonlyArray<IntakeIssue> }
  | { readonly issues: ReadonlyArray<IntakeIssue>; readonly warnings: ReadonlyArray<IntakeIssue> };

/** Options of {@link schema} and {@link fieldSchema}. */
export interface SchemaOptions extends MessageOptions {
  /**
   * `"separate"` (default): warnings never fail validation; they are on `result.warnings`.
   * `"issues"`: they are issues too, so a warning blocks a submit.
   */
  warnings?: 'separate' | 'issues';
}

/**
 * A Standard Schema v1 (and Standard JSON Schema v1) of a profile's record: its output is
 * the normalized payload. `validate` returns synchronously once {@link init} is done, and
 * before that a promise that loads the module first.
 */
export interface IntakeSchema<P extends ProviderId> extends StandardSchemaV1<CustomerInputs[P], CustomerPayloads[P]> {
  readonly '~standard': IntakeSchemaProps<CustomerInputs[P], CustomerPayloads[P]>;
}

/** The `~standard` property of {@link IntakeSchema}: Standard Schema's, and Standard JSON Schema's converter. */
export interface IntakeSchemaProps<Input, Output> extends StandardSchemaV1.Props<Input, Output> {
  readonly validate: (
    value: unknown,
    options?: StandardSchemaV1.Options,
  ) => IntakeSchemaResult<Output> | Promise<IntakeSchemaResult<Output>>;
  readonly jsonSchema: StandardJSONSchemaV1Converter;
}

/**
 * A Standard Schema v1 of one whole record, for form libraries (react-hook-form's
 * `standardSchemaResolver`, TanStack Form's validators, tRPC's `.input()`): each error is an
 * issue with `path` (its JSON Pointer decoded), `code` and `severity`; record-wide errors
 * have no path; warnings are on `result.warnings`.
 *
 * @example
 * const form = useForm({ resolver: standardSchemaResolver(schema("atoa")) });
 *
 * @throws {IntakeError} `options.invalid` (here); `provider.unknown` (when validating).
 */
export function schema<P extends ProviderId>(
  provider: P,
  options?: ValidateOptions & SchemaOptions,
): IntakeSchema<P>;

/** A Standard Schema v1 of one field. */
export interface IntakeFieldSchema extends StandardSchemaV1<unknown, JsonValue | null> {
  readonly '~standard': IntakeFieldSchemaProps;
}

/** The `~standard` property of {@link IntakeFieldSchema}: the result also tells the field's state. */
export interface IntakeFieldSchemaProps extends StandardSchemaV1.Props<unknown, JsonValue | null> {
  readonly validate: (
    value: unknown,
    options?: StandardSchemaV1.Options,
  ) =>
    | (IntakeSchemaResult<JsonValue | null> & { readonly state: FieldState })
    | Promise<IntakeSchemaResult<JsonValue | null> & { readonly state: FieldState }>;
}

/** Options of {@link fieldSchema}: those of {@link checkField}, `record` also as a function. */
export type FieldSchemaOptions = Omit<CheckFieldOptions, 'record'> &
  SchemaOptions & {
    /** The rest of the form (or a function giving it at each validation), for fields that depend on another. */
    record?: Record<string, unknown> | (() => Record<string, unknown>);
  };

/**
 * A Standard Schema v1 of one field, named by its JSON Pointer: the output is the normalized
 * value; an invalid value (with `partial`, also an incomplete one) is one issue without a path.
 *
 * @example
 * // TanStack Form: validators: { onChange: fieldSchema("atoa", "/postcode", { partial: true }) }
 *
 * @throws {IntakeError} `options.invalid` (here); `provider.unknown`, `field.unknown` (when validating).
 */
export function fieldSchema<P extends ProviderId>(
  provider: P,
  pointer: FieldPointers[P],
  options?: FieldSchemaOptions,
): IntakeFieldSchema;

/**
 * A Standard Schema path from a JSON Pointer (RFC 6901: `~1` is `/`, `~0` is `~`); a segment
 * indexing an array of `input` is a number. `undefined` for `""` (the whole record).
 */
export function pointerToPath(pointer: string, input?: unknown): Array<string | number> | undefined;
