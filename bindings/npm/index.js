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

/**
 * Every error this package throws: a caller's mistake (an unknown provider, field or rule,
 * options that do not parse, a call before `init()`), never a problem of the data, which is
 * an invalid outcome instead.
 */
export class IntakeError extends Error {
  constructor(message, code, options) {
    super(message, options);
    this.name = 'IntakeError';
    /**
     * A stable name: `not_initialized`, `provider.unknown`, `options.invalid`, `field.unknown`,
     * `rule.unknown` or `input.invalid` (`internal` would be a bug of intake's).
     */
    this.code = code;
  }
}

// Runs one export of the glue: JSON text in, JSON text out. The core's error (a JS Error
// whose message is "<code>: <message>") becomes an IntakeError carrying the code.
function call(name, ...args) {
  if (!ready) {
    throw new IntakeError('intake: the WASM module is not loaded; call `await init()` first', 'not_initialized');
  }
  try {
    return wasm[name](...args);
  } catch (e) {
    const message = String(e?.message ?? e);
    // Every error of the core is coded; anything else (a trap) is a bug, still thrown coded.
    const code = /^([a-z_]+\.[a-z_]+): /.exec(message)?.[1] ?? 'internal';
    throw new IntakeError(message, code, { cause: e });
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
  jsonSchema: (provider) => call('jsonSchema', provider),
});

// Rules that need a date take it from the caller; the default is today in UTC.
const todayUtc = () => new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------------------
// Values to JSON text. JSON.stringify throws a raw TypeError on a BigInt or a cycle and
// silently drops functions and symbols; here each of those is a coded problem at its
// JSON Pointer instead, and everything else serializes exactly as JSON.stringify does
// (toJSON, boxed primitives, undefined members skipped, undefined items null).

/** What JSON cannot hold, found at `pointer`. */
class Unserializable {
  constructor(pointer, what) {
    this.pointer = pointer;
    this.what = what;
  }
}

const escapeSegment = (key) => String(key).replaceAll('~', '~0').replaceAll('/', '~1');

// `value` as a tree JSON.stringify serializes without surprise, or throws Unserializable.
function plain(value, key, pointer, ancestors) {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint') && typeof value.toJSON === 'function') {
    value = value.toJSON(key);
  }
  switch (typeof value) {
    case 'bigint':
      throw new Unserializable(pointer, 'a BigInt');
    case 'function':
      throw new Unserializable(pointer, 'a function');
    case 'symbol':
      throw new Unserializable(pointer, 'a symbol');
    case 'object':
      break;
    default:
      return value; // string, number, boolean, undefined
  }
  if (value === null) return null;
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return value.valueOf();
  if (ancestors.includes(value)) throw new Unserializable(pointer, 'a cycle');
  ancestors.push(value);
  let out;
  if (Array.isArray(value)) {
    out = Array.from(value, (item, i) => plain(item, String(i), `${pointer}/${i}`, ancestors) ?? null);
  } else {
    out = {};
    for (const k of Object.keys(value)) {
      const v = plain(value[k], k, `${pointer}/${escapeSegment(k)}`, ancestors);
      if (v !== undefined) out[k] = v;
    }
  }
  ancestors.pop();
  return out;
}

// A replacer that throws on what JSON.stringify would drop without a word.
function refuseDropped(_key, v) {
  const t = typeof v;
  if (t === 'function' || t === 'symbol') throw new TypeError('not JSON');
  return v;
}

/**
 * `{ text }` (JSON text of `value`; `undefined` is `null`), or `{ problem }` when JSON cannot
 * hold it: `{ pointer, what }`.
 */
function serialize(value) {
  // Fast path: JSON.stringify itself, refusing what it would silently drop. Only a
  // value it cannot hold takes the walk that says where (`plain`).
  try {
    return { text: JSON.stringify(value, refuseDropped) ?? 'null' };
  } catch {
    // A BigInt, a cycle, a function or a symbol somewhere: found below, with its pointer.
  }
  try {
    return { text: JSON.stringify(plain(value, '', '', [])) ?? 'null' };
  } catch (e) {
    if (e instanceof Unserializable) return { problem: e };
    if (e instanceof RangeError) return { problem: new Unserializable('', 'nesting too deep to read') };
    throw e;
  }
}

// The message never repeats the value: only what kind of thing JSON could not hold.
const unserializableMessage = (problem) => `cannot be sent as JSON: it holds ${problem.what}`;

/** The outcome of a record JSON cannot hold: invalid, 400, `record.malformed` where it is. */
function malformedOutcome(problem) {
  return {
    valid: false,
    status: 400,
    errors: [{ path: problem.pointer, code: 'record.malformed', message: unserializableMessage(problem) }],
    warnings: [],
  };
}

// The options this layer takes for itself, apart from those the core reads.
function splitOptions(options, what) {
  if (options === undefined || options === null) return { core: NO_OPTIONS, messages: undefined };
  if (typeof options !== 'object') throw new IntakeError(`${what}: options must be an object`, 'options.invalid');
  // Plain options without messages are the core's as they are (JSON text drops an undefined
  // member); others are copied, which also leaves a prototype's members behind.
  const proto = Object.getPrototypeOf(options);
  if (options.messages === undefined && (proto === Object.prototype || proto === null)) {
    return { core: options, messages: undefined };
  }
  const { messages, ...core } = options;
  return { core, messages: messages === undefined ? undefined : checkedMessages(messages) };
}

const NO_OPTIONS = Object.freeze({});
const DAY_MS = 86_400_000;
let defaultOptions = { day: NaN, json: '' };

// JSON text of the core's options, `today` filled in. Every record of a form or a batch
// sends the same options, so the two usual shapes skip the general serializer: none
// (today's date, kept until the UTC day changes) and `{ today: 'YYYY-MM-DD' }` alone.
function coreOptions(core) {
  if (core === NO_OPTIONS) {
    const day = Math.floor(Date.now() / DAY_MS);
    if (day !== defaultOptions.day) defaultOptions = { day, json: JSON.stringify({ today: todayUtc() }) };
    return defaultOptions.json;
  }
  if (typeof core.today === 'string' && onlyToday(core)) return `{"today":${JSON.stringify(core.today)}}`;
  const r = serialize({ ...core, today: core.today ?? todayUtc() });
  if (r.problem) {
    throw new IntakeError(`options: ${r.problem.pointer || 'the options'} ${unserializableMessage(r.problem)}`, 'options.invalid');
  }
  return r.text;
}

// Whether `today` is the one member of these (plain) options that JSON text would keep.
function onlyToday(core) {
  for (const key in core) {
    if (key !== 'today' && core[key] !== undefined) return false;
  }
  return true;
}

/** Validates one record: `{ valid, status?, errors, warnings, normalized? }`. */
export function validate(provider, record, options) {
  const { core, messages } = splitOptions(options, 'validate');
  const optionsJson = coreOptions(core);
  const r = serialize(record);
  let outcome;
  if (r.problem) {
    raw.validate(provider, 'null', optionsJson); // an unknown provider is still the caller's mistake
    outcome = malformedOutcome(r.problem);
  } else {
    outcome = JSON.parse(raw.validate(provider, r.text, optionsJson));
  }
  return localizeOutcome(provider, outcome, messages);
}

/** `validate` for a value whose type is not known (parsed JSON, form state): the same call. */
export const validateUnknown = (provider, record, options) => validate(provider, record, options);

/**
 * Validates one record given as JSON text, as it arrived: text that is not JSON is an
 * invalid record (status 400, `record.malformed`), not an exception.
 */
export function validateJson(provider, text, options) {
  const { core, messages } = splitOptions(options, 'validateJson');
  return localizeOutcome(provider, JSON.parse(raw.validate(provider, String(text), coreOptions(core))), messages);
}

/** Validates records as one batch: an outcome per record, batch rules applied (repeated refs, emails). */
export function validateBatch(provider, records, options) {
  const { core, messages } = splitOptions(options, 'validateBatch');
  const optionsJson = coreOptions(core);
  if (!Array.isArray(records)) {
    // The core's answer for what is not an array (input.invalid), whatever it is.
    return JSON.parse(raw.validateBatch(provider, serialize(records).text ?? 'null', optionsJson));
  }
  // A record JSON cannot hold is sent as null (so the batch keeps its order and its rules)
  // and its outcome replaced by record.malformed.
  const problems = new Map();
  const texts = records.map((record, i) => {
    const r = serialize(record);
    if (r.problem) problems.set(i, r.problem);
    return r.text ?? 'null';
  });
  const outcomes = JSON.parse(raw.validateBatch(provider, `[${texts.join(',')}]`, optionsJson));
  for (const [i, problem] of problems) outcomes[i] = malformedOutcome(problem);
  return outcomes.map((o) => localizeOutcome(provider, o, messages));
}

/** `validateBatch` for values whose type is not known: the same call. */
export const validateBatchUnknown = (provider, records, options) => validateBatch(provider, records, options);

/** Checks one field as a person types: `{ state, normalized, error, warnings }`. */
export function checkField(provider, pointer, value, options) {
  const { core, messages } = splitOptions(options, 'checkField');
  const optionsJson = coreOptions(core);
  const r = serialize(value);
  let check;
  if (r.problem) {
    // An unknown provider or field is still the caller's mistake.
    raw.checkField(provider, String(pointer), 'null', optionsJson);
    check = { state: 'invalid', normalized: null, error: { code: 'record.malformed', message: unserializableMessage(r.problem) }, warnings: [] };
  } else {
    check = JSON.parse(raw.checkField(provider, String(pointer), r.text, optionsJson));
  }
  return localizeCheck(provider, String(pointer), check, messages);
}

/** The JSON Schema (draft 2020-12) of a profile's input record, generated from the core's catalog. */
export function jsonSchema(provider) {
  return JSON.parse(raw.jsonSchema(provider));
}

// ---------------------------------------------------------------------------
// Messages. By default each message is the core's English sentence. A catalog (per call,
// `{ messages }`, or for every call, `setMessages`) replaces it by the catalog's text for
// the diagnostic's code; `{min}`, `{max}` and `{values}` in that text are filled from the
// profile's catalog for the field (its limits), never from the value. A code the catalog
// lacks keeps the core's message.

let globalMessages;

function checkedMessages(messages) {
  if (messages === null) return null;
  if (typeof messages !== 'object' || Array.isArray(messages)) {
    throw new IntakeError('messages: a catalog is an object of texts by code', 'options.invalid');
  }
  for (const [code, text] of Object.entries(messages)) {
    if (typeof text !== 'string') throw new IntakeError(`messages: the text of ${code} is not a string`, 'options.invalid');
  }
  return messages;
}

/**
 * Sets the message catalog every call uses unless it passes its own `messages` (`null` or
 * no argument: the core's English messages again).
 */
export function setMessages(messages) {
  globalMessages = messages === undefined ? undefined : checkedMessages(messages) ?? undefined;
}

let fieldIndex = null; // provider id -> Map(path -> FieldInfo), from the catalog, once
function fieldInfo(provider, pointer) {
  fieldIndex ??= new Map(providers().map((p) => [p.id, new Map(p.fields.map((f) => [f.path, f]))]));
  const fields = fieldIndex.get(provider);
  if (!fields) return undefined;
  // An array index matches any index (`/addresses/3/value` is `/addresses/0/value`).
  return fields.get(pointer) ?? fields.get(pointer.replace(/\/(?:0|[1-9][0-9]*)(?=\/|$)/g, '/0'));
}

/** The placeholders a message may use, for the field at `pointer`: its limits only. */
function messageParams(provider, pointer) {
  const f = fieldInfo(provider, pointer);
  return { min: f?.minLength, max: f?.maxLength, values: f?.values?.join(', ') };
}

const fill = (template, params) => template.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));

function localized(provider, pointer, d, catalog) {
  const template = catalog[d.code];
  return typeof template === 'string' ? { ...d, message: fill(template, messageParams(provider, pointer)) } : d;
}

function localizeOutcome(provider, outcome, messages) {
  const catalog = messages === undefined ? globalMessages : messages;
  if (!catalog) return outcome;
  const each = (d) => localized(provider, d.path, d, catalog);
  return { ...outcome, errors: outcome.errors.map(each), warnings: outcome.warnings.map(each) };
}

function localizeCheck(provider, pointer, check, messages) {
  const catalog = messages === undefined ? globalMessages : messages;
  if (!catalog) return check;
  const each = (d) => localized(provider, pointer, d, catalog);
  return { ...check, error: check.error && each(check.error), warnings: check.warnings.map(each) };
}

// ---------------------------------------------------------------------------
// Standard Schema v1 (standardschema.dev): what zod, valibot and arktype implement, and
// react-hook-form, TanStack Form and tRPC take.

/**
 * The path of a diagnostic as Standard Schema segments: its JSON Pointer decoded (RFC 6901:
 * `~1` is `/`, `~0` is `~`), a segment that indexes an array of the input as a number.
 * `undefined` for the record as a whole.
 */
export function pointerToPath(pointer, input) {
  if (pointer === '') return undefined;
  let node = input;
  return String(pointer)
    .slice(1)
    .split('/')
    .map((raw) => {
      const seg = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      const index = Array.isArray(node) && /^(?:0|[1-9][0-9]*)$/.test(seg);
      node = node !== null && typeof node === 'object' ? node[seg] : undefined;
      return index ? Number(seg) : seg;
    });
}

function issueOf(d, severity, input) {
  const path = pointerToPath(d.path, input);
  return path === undefined
    ? { message: d.message, code: d.code, severity, pointer: d.path }
    : { message: d.message, path, code: d.code, severity, pointer: d.path };
}

function schemaOptions(options, what) {
  if (options === undefined || options === null) return { warnings: 'separate', rest: {} };
  if (typeof options !== 'object') throw new IntakeError(`${what}: options must be an object`, 'options.invalid');
  const { warnings = 'separate', ...rest } = options;
  if (warnings !== 'separate' && warnings !== 'issues') {
    throw new IntakeError(`${what}: warnings must be "separate" or "issues"`, 'options.invalid');
  }
  return { warnings, rest };
}

// Runs `run` now when the module is loaded, else once init() has loaded it (a schema is
// usually made at import time, before anything awaited init()).
const whenReady = (run) => (value) => (ready ? run(value) : init().then(() => run(value)));

// Standard JSON Schema v1: the input schema for draft 2020-12, or draft-07 (the same
// keywords: the generated schema uses none that draft-07 lacks).
const DRAFTS = {
  'draft-2020-12': 'https://json-schema.org/draft/2020-12/schema',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
};
function jsonSchemaConverter(make) {
  const input = (options) => {
    const dialect = DRAFTS[options?.target];
    if (!dialect) {
      throw new IntakeError(`jsonSchema: target must be one of ${Object.keys(DRAFTS).join(', ')}`, 'options.invalid');
    }
    return { ...make(), $schema: dialect };
  };
  const output = () => {
    throw new IntakeError('jsonSchema: only the input (the record a form holds) has a JSON Schema', 'options.invalid');
  };
  return Object.freeze({ input, output });
}

/**
 * A Standard Schema v1 of a whole record of a profile: the value is the normalized payload;
 * each error is an issue with `path` (absent for the record as a whole), `code`, `severity`
 * and `pointer`; warnings are on the result (`result.warnings`), or issues too with
 * `{ warnings: "issues" }`. Other options are those of `validate` (`today`, `flow`,
 * `limits`, `messages`).
 */
export function schema(provider, options) {
  const { warnings, rest } = schemaOptions(options, 'schema');
  splitOptions(rest, 'schema'); // options that can never work fail here, not in a form
  const run = (value) => {
    const outcome = validate(provider, value, rest);
    const warns = outcome.warnings.map((d) => issueOf(d, 'warning', value));
    if (outcome.valid && (warnings === 'separate' || warns.length === 0)) {
      return { value: outcome.normalized, warnings: warns };
    }
    const errors = outcome.valid ? [] : outcome.errors.map((d) => issueOf(d, 'error', value));
    return { issues: warnings === 'issues' ? [...errors, ...warns] : errors, warnings: warns };
  };
  return Object.freeze({
    '~standard': Object.freeze({
      version: 1,
      vendor: 'intake',
      validate: whenReady(run),
      jsonSchema: jsonSchemaConverter(() => jsonSchema(provider)),
    }),
  });
}

/**
 * A Standard Schema v1 of one field of a profile, named by its JSON Pointer: the value is
 * the normalized field; an invalid (or, with `partial`, incomplete) value is one issue
 * without a path. Options are those of `checkField`; `record` may be a function returning
 * the rest of the form, read at each validation.
 */
export function fieldSchema(provider, pointer, options) {
  const { warnings, rest } = schemaOptions(options, 'fieldSchema');
  const { record, ...fixed } = rest;
  splitOptions(fixed, 'fieldSchema');
  const run = (value) => {
    const check = checkField(provider, pointer, value, { ...fixed, ...(record === undefined ? {} : { record: typeof record === 'function' ? record() : record }) });
    const warns = check.warnings.map((d) => ({ message: d.message, code: d.code, severity: 'warning' }));
    if (check.state === 'valid' && (warnings === 'separate' || warns.length === 0)) {
      return { value: check.normalized, warnings: warns, state: check.state };
    }
    const errors = check.error ? [{ message: check.error.message, code: check.error.code, severity: 'error' }] : [];
    return { issues: warnings === 'issues' ? [...errors, ...warns] : errors, warnings: warns, state: check.state };
  };
  return Object.freeze({
    '~standard': Object.freeze({ version: 1, vendor: 'intake', validate: whenReady(run) }),
  });
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
  const r = serialize(input);
  if (r.problem) throw new IntakeError(`rule: the input ${unserializableMessage(r.problem)}`, 'input.invalid');
  const a = args === undefined ? { text: '' } : serialize(args);
  if (a.problem) throw new IntakeError(`rule: args ${unserializableMessage(a.problem)}`, 'options.invalid');
  return JSON.parse(raw.rule(String(name), r.text, a.text));
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
