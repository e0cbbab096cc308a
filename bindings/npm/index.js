// Public entry: a thin layer over the wasm-bindgen glue. Values go in as JSON text and
// come back as JSON text, parsed here; every rule runs in the Rust core (bindings/wasm
// holds none), so the results are the bytes the native crate gives for the same input.
import { wasmSource } from './load.js';
import initWasm, * as wasm from './pkg/intake_wasm.js';

let loading = null; // the first init() promise, shared by concurrent callers
let ready = false;

/**
 * Loads the WASM module. In Node the file is read from disk; in a browser it is fetched
 * next to this file (or, where the bundler did not carry the file along, taken from the
 * inlined copy: load.js). `input` overrides either (URL, Response, bytes or WebAssembly.Module).
 */
export function init(input) {
  loading ??= load(input).catch((e) => {
    loading = null; // allow a retry after a failed load
    throw e;
  });
  return loading;
}

async function load(input) {
  await initWasm({ module_or_path: input ?? (await wasmSource()) });
  ready = true;
}

/** A caller's mistake (an unknown provider, field or rule, options that do not parse). */
export class IntakeError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'IntakeError';
    /** A stable name: `provider.unknown`, `options.invalid`, `field.unknown`, `rule.unknown`, `input.invalid`. */
    this.code = code;
  }
}

// Runs one export of the glue: JSON text in, JSON text out. The core's error (a JS Error
// whose message is "<code>: <message>") becomes an IntakeError carrying the code.
function call(name, ...args) {
  if (!ready) throw new Error('intake: the WASM module is not loaded; call `await init()` first');
  try {
    return wasm[name](...args);
  } catch (e) {
    const message = String(e?.message ?? e);
    throw new IntakeError(message, /^([a-z_]+\.[a-z_]+): /.exec(message)?.[1] ?? 'error');
  }
}

/**
 * The JSON-text surface: each function takes and returns JSON text, exactly the bytes of
 * the Rust core's `intake::json` functions (no parsing here). For callers that already
 * hold JSON text, and for the parity tests. Options must carry `today` here.
 */
export const raw = Object.freeze({
  validate: (provider, recordJson, optionsJson) => call('validate', provider, recordJson, optionsJson),
  validateBatch: (provider, recordsJson, optionsJson) => call('validateBatch', provider, recordsJson, optionsJson),
  checkField: (provider, pointer, valueJson, optionsJson) =>
    call('checkField', provider, pointer, valueJson, optionsJson),
  providers: () => call('providers'),
  rule: (name, inputJson, argsJson) => call('rule', name, inputJson, argsJson),
  asYouType: (text, region) => call('asYouType', text, region),
  formatPhone: (text, style, region) => call('formatPhone', text, style, region),
  exampleNumber: (region, type) => call('exampleNumber', region, type),
});

// Rules that need a date take it from the caller; the default is today in UTC.
const todayUtc = () => new Date().toISOString().slice(0, 10);
const withToday = (options) => JSON.stringify({ ...options, today: options?.today ?? todayUtc() });
// JSON text of a value; `undefined` (and what JSON cannot hold) is `null`.
const json = (value) => JSON.stringify(value) ?? 'null';

/** Validates one record: `{ valid, status?, errors, warnings, normalized? }`. */
export function validate(provider, record, options = {}) {
  return JSON.parse(raw.validate(provider, json(record), withToday(options)));
}

/**
 * Validates one record given as JSON text, as it arrived: text that is not JSON is an
 * invalid record (status 400, `record.malformed`), not an exception.
 */
export function validateJson(provider, text, options = {}) {
  return JSON.parse(raw.validate(provider, String(text), withToday(options)));
}

/** Validates records as one batch: an outcome per record, batch rules applied (repeated refs, emails). */
export function validateBatch(provider, records, options = {}) {
  return JSON.parse(raw.validateBatch(provider, json(records), withToday(options)));
}

/** Checks one field as a person types: `{ state, normalized, error, warnings }`. */
export function checkField(provider, pointer, value, options = {}) {
  return JSON.parse(raw.checkField(provider, String(pointer), json(value), withToday(options)));
}

/** Every profile and its fields. */
export function providers() {
  return JSON.parse(raw.providers());
}

/**
 * Runs one field rule by name (`gb_vat`, `phone`, `uk_postcode`, ...): the low-level
 * surface the shared field fixtures drive, for tests and tooling, not for forms.
 */
export function rule(name, input, args) {
  return JSON.parse(raw.rule(String(name), json(input), args === undefined ? '' : JSON.stringify(args)));
}

/**
 * A phone number written as libphonenumber writes it: `style` is `national`, `international`
 * or `e164`; `region` (ISO alpha-2) reads a number written without `+`. `null` when the text
 * is not a valid phone number.
 */
export function formatPhone(text, style, region) {
  return JSON.parse(raw.formatPhone(String(text), String(style), region == null ? '' : String(region)));
}

/** libphonenumber's example number of a region and type (default `mobile`), in E.164; `null` when none. */
export function exampleNumber(region, type = 'mobile') {
  return JSON.parse(raw.exampleNumber(String(region), String(type)));
}

// The region of `new AsYouType(region)`: a code, or libphonenumber-js's `{ defaultCountry }`.
const regionOf = (arg) => String((typeof arg === 'object' && arg !== null ? arg.defaultCountry : arg) ?? '');

/**
 * Formats a phone number as a person types it, as libphonenumber's AsYouTypeFormatter does
 * (the shape of libphonenumber-js's `AsYouType`). The formatting runs in the Rust core over the
 * whole text typed so far on each call; this object only keeps that text.
 */
export class AsYouType {
  #region;
  #text = '';
  #state = null;

  constructor(region) {
    this.#region = regionOf(region);
  }

  /** Appends `text` and returns the whole text so far, formatted. */
  input(text) {
    this.#text += String(text ?? '');
    this.#state = JSON.parse(raw.asYouType(this.#text, this.#region));
    return this.#state.formatted;
  }

  /** Forgets the text typed. */
  reset() {
    this.#text = '';
    this.#state = null;
    return this;
  }

  /** The number's E.164 form once the text is a valid phone number, else `undefined`. */
  getNumberValue() {
    return this.#state?.e164 ?? undefined;
  }

  /** The text typed so far, as typed. */
  getChars() {
    return this.#text;
  }

  /** `"valid"`, `"incomplete"` (some continuation can still be valid) or `"invalid"`; `undefined` before any input. */
  getState() {
    return this.#state?.state ?? undefined;
  }

  /** The number's type (`"mobile"`, `"fixed_line"`, ...) once the text is a valid number, else `undefined`. */
  getNumberType() {
    return this.#state?.numberType ?? undefined;
  }
}
