// Public types. PLACEHOLDER shapes following SPEC.md; to be generated from the Rust types.

/** A profile id, e.g. "atoa" | "paydock" | "authvia" | "stax" | "juicyway". */
export type ProviderId = string;

/** One problem with a record. */
export interface Issue {
  /** RFC 6901 JSON Pointer into the input; "" for the record as a whole. */
  path: string;
  /** Stable machine-readable name, such as "phone.invalid". */
  code: string;
  /** English, for a person; never repeats the input value. */
  message: string;
}

/** The outcome of validating one record. */
export interface Outcome {
  valid: boolean;
  /** The HTTP status the provider documents; absent when valid. */
  status?: number;
  errors: Issue[];
  warnings: Issue[];
  /** The provider-ready payload; present when valid. */
  normalized?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The state of one field as a person types. */
export interface FieldCheck {
  /** "incomplete": could still become valid (e.g. "+44 79", "SW1A"). */
  state: 'valid' | 'incomplete' | 'invalid';
  normalized?: unknown;
  error?: Issue;
}

/** A profile and its fields, as listed by providers(). */
export interface ProviderInfo {
  id: ProviderId;
  [key: string]: unknown;
}

export interface ValidateOptions {
  /** "YYYY-MM-DD"; defaults to today's UTC date. */
  today?: string;
  /** The provider flow (as `intake check --flow <n>`). */
  flow?: number;
}

export interface CheckFieldOptions {
  /** The value is still being typed: report "incomplete" instead of "invalid" where it could still become valid. */
  partial?: boolean;
  /** "YYYY-MM-DD"; defaults to today's UTC date. */
  today?: string;
}

/** What init() accepts to locate the WASM module; defaults to the file next to index.js. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<RequestInfo | URL | Response | BufferSource | WebAssembly.Module>;

/** Loads the WASM module (fetch in a browser, the file in Node). Call once before anything else. */
export function init(input?: InitInput): Promise<void>;
export function validate(provider: ProviderId, record: unknown, options?: ValidateOptions): Outcome;
export function validateBatch(provider: ProviderId, records: unknown[], options?: ValidateOptions): Outcome[];
export function checkField(provider: ProviderId, pointer: string, value: unknown, options?: CheckFieldOptions): FieldCheck;
export function providers(): ProviderInfo[];
