// Public entry: a thin layer over the wasm-bindgen glue that passes JSON text both ways.
import initWasm, * as wasm from './pkg/intake_wasm.js';

let loading = null; // the first init() promise, shared by concurrent callers
let ready = false;

// `process.versions.node` guarded so bundlers targeting browsers see no Node globals.
const isNode = typeof process !== 'undefined' && !!process.versions?.node;

/**
 * Loads the WASM module. In Node the file is read from disk; in a browser it is fetched
 * next to this file. `input` overrides either (URL, Response, bytes or WebAssembly.Module).
 */
export function init(input) {
  loading ??= load(input).catch((e) => {
    loading = null; // allow a retry after a failed load
    throw e;
  });
  return loading;
}

async function load(input) {
  if (input === undefined) {
    const url = new URL('./pkg/intake_wasm_bg.wasm', import.meta.url);
    if (isNode) {
      // Node's fetch cannot read file: URLs; the ignore hints keep bundlers from resolving this.
      const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
      input = await fs.readFile(url);
    } else {
      input = url;
    }
  }
  await initWasm({ module_or_path: input });
  ready = true;
}

function api() {
  if (!ready) throw new Error('intake: the WASM module is not loaded; call `await init()` first');
  return wasm;
}

// Rules that need a date take it from the caller; the default is today in UTC.
const todayUtc = () => new Date().toISOString().slice(0, 10);

export function validate(provider, record, { today, flow } = {}) {
  const out = api().validate(provider, JSON.stringify(record), JSON.stringify({ today: today ?? todayUtc(), flow }));
  return JSON.parse(out);
}

export function validateBatch(provider, records, options = {}) {
  const opts = { ...options, today: options.today ?? todayUtc() };
  return JSON.parse(api().validateBatch(provider, JSON.stringify(records), JSON.stringify(opts)));
}

export function checkField(provider, pointer, value, { partial, today } = {}) {
  const opts = JSON.stringify({ partial, today: today ?? todayUtc() });
  return JSON.parse(api().checkField(provider, pointer, JSON.stringify(value), opts));
}

export function providers() {
  return JSON.parse(api().providers());
}
