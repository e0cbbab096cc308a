// Fixture cases as calls of the package, for the parity tests (Node, and in the browser).
// Browser-safe: no Node imports here (collecting the files is in ./fixtures.mjs).
//
// A case is { file, case, fn, provider?, pointer?, name?, value, input, options } where
// `input`/`options` are the JSON texts the package's public functions would hand the core
// for `value` and the case's options, derived exactly as the native dumper
// (crates/intake-conformance/examples/dump_fixtures.rs) derives them from the same file.

/** Options of a file merged with a case's own, the case winning (key order: the file's, then new ones). */
export function merge(fileOptions, caseOptions) {
  const out = { ...(isObject(fileOptions) ? fileOptions : {}) };
  if (isObject(caseOptions)) Object.assign(out, caseOptions);
  return out;
}
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The cases of one parsed fixture file; `dir` is fields, reference, field_checks, profiles or batches. */
export function casesOf(dir, file, data) {
  const fault = (why, i) => [{ file, case: i, fault: why }];
  if (!isObject(data)) return fault('not a JSON object');
  if (dir === 'batches') {
    if (typeof data.provider !== 'string') return fault('no string "provider"');
    if (!Array.isArray(data.records)) return fault('no array "records"');
    const opts = merge(data.options, null);
    return [{ file, case: 0, fn: 'validateBatch', provider: data.provider, value: data.records, opts,
      input: JSON.stringify(data.records), options: JSON.stringify(opts) }];
  }
  if (!Array.isArray(data.cases) || data.cases.length === 0) return fault('no cases');
  return data.cases.map((c, i) => {
    if (dir === 'fields' || dir === 'reference') {
      const name = c.rule ?? data.rule;
      if (typeof name !== 'string') return { file, case: i, fault: 'no string "rule"' };
      if (!('input' in c)) return { file, case: i, fault: 'no "input"' };
      return { file, case: i, fn: 'rule', name, value: c.input, args: c.args,
        input: JSON.stringify(c.input), options: c.args === undefined ? '' : JSON.stringify(c.args) };
    }
    if (dir === 'field_checks') {
      const provider = c.provider ?? data.provider;
      if (typeof provider !== 'string') return { file, case: i, fault: 'no string "provider"' };
      if (typeof c.pointer !== 'string') return { file, case: i, fault: 'no string "pointer"' };
      if (!('value' in c)) return { file, case: i, fault: 'no "value"' };
      const opts = merge(data.options, c.options);
      return { file, case: i, fn: 'checkField', provider, pointer: c.pointer, value: c.value, opts,
        input: JSON.stringify(c.value), options: JSON.stringify(opts) };
    }
    if (typeof data.provider !== 'string') return { file, case: i, fault: 'no string "provider"' };
    const opts = merge(data.options, c.options);
    if ('raw' in c) {
      if (typeof c.raw !== 'string') return { file, case: i, fault: 'no string "raw"' };
      return { file, case: i, fn: 'validateJson', provider: data.provider, value: c.raw, opts,
        input: c.raw, options: JSON.stringify(opts) };
    }
    if (!('record' in c)) return { file, case: i, fault: 'no "record" or "raw"' };
    return { file, case: i, fn: 'validate', provider: data.provider, value: c.record, opts,
      input: JSON.stringify(c.record), options: JSON.stringify(opts) };
  });
}

/**
 * Runs a case through the package's JSON-text surface (`raw`) with the given texts:
 * `{ output }` (the exact string) or `{ error }` (the thrown message).
 */
export function runRaw(raw, c, input = c.input, options = c.options) {
  try {
    switch (c.fn) {
      case 'rule': return { output: raw.rule(c.name, input, options) };
      case 'checkField': return { output: raw.checkField(c.provider, c.pointer, input, options) };
      case 'validate': case 'validateJson': return { output: raw.validate(c.provider, input, options) };
      case 'validateBatch': return { output: raw.validateBatch(c.provider, input, options) };
      default: throw new Error(`unknown fn ${c.fn}`);
    }
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
}

/** Runs a case through the package's public functions with JS values: `{ value }` (parsed) or `{ error }`. */
export function runPublic(api, c) {
  try {
    switch (c.fn) {
      case 'rule': return { value: api.rule(c.name, c.value, c.args) };
      case 'checkField': return { value: api.checkField(c.provider, c.pointer, c.value, c.opts) };
      case 'validate': return { value: api.validate(c.provider, c.value, c.opts) };
      case 'validateJson': return { value: api.validateJson(c.provider, c.value, c.opts) };
      case 'validateBatch': return { value: api.validateBatch(c.provider, c.value, c.opts) };
      default: throw new Error(`unknown fn ${c.fn}`);
    }
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
}
