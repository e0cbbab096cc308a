// `intake/worker`: the package's API, run in a Web Worker, so that validation never holds
// up the page's main thread. Each function has the shape of the one in index.js and
// returns a Promise of the same result; errors are the same IntakeError, with its code.
//
// The worker's code is bundled into pkg/intake_worker_code.js at build time and started
// from a Blob URL: no second file for a bundler to find, copy or rewrite, so it works
// unconfigured under every bundler and dev server. (A page whose Content-Security-Policy
// has `worker-src` must allow `blob:`.) The .wasm is found and compiled here, on the page,
// as index.js finds it (load.js: asynchronous, not a freeze), and the compiled
// WebAssembly.Module is handed to the worker, which only instantiates it.
import { IntakeError } from './index.js';
import { compileWasm } from './load.js';
import code from './pkg/intake_worker_code.js';

let worker = null;
let starting = null; // the first init() promise
let lastId = 0;
let generation = 0; // bumped by terminate(), so that a start it interrupted does not go on
const pending = new Map(); // id -> { resolve, reject }

/**
 * Starts the worker and loads the WASM module in it. Optional: the first call starts it.
 * `input` is what `init()` of the main entry takes (a URL, a Response, bytes or a
 * WebAssembly.Module); by default the .wasm next to this file, as there.
 */
export function init(input) {
  starting ??= start(input).catch((e) => {
    terminate();
    throw e;
  });
  return starting;
}

async function toModule(input) {
  if (input === undefined) return compileWasm();
  if (input instanceof WebAssembly.Module) return input;
  const source = await input;
  if (source instanceof Response) return WebAssembly.compileStreaming(source);
  if (typeof source === 'string' || source instanceof URL || source instanceof Request) {
    return WebAssembly.compileStreaming(fetch(source));
  }
  return WebAssembly.compile(source);
}

async function start(input) {
  if (typeof Worker === 'undefined') {
    throw new Error('intake/worker: this environment has no Web Worker; use the main entry, "intake"');
  }
  const mine = generation;
  const module = await toModule(input);
  if (mine !== generation) throw new Error('intake/worker: terminated');
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  worker = new Worker(url, { name: 'intake' });
  worker.onmessage = ({ data }) => {
    const call = pending.get(data.id);
    pending.delete(data.id);
    if (!data.error) return call?.resolve(data.value);
    const { name, message, code: errorCode } = data.error;
    call?.reject(name === 'IntakeError' ? new IntakeError(message, errorCode) : new Error(message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(`intake/worker: the worker failed: ${event.message ?? 'unknown error'}`);
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  try {
    await post('init', [module]);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function post(name, args) {
  return new Promise((resolve, reject) => {
    const id = ++lastId;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, name, args });
  });
}

async function call(name, args) {
  await init();
  return post(name, args);
}

/** Stops the worker; pending calls are rejected. The next call (or init()) starts a new one. */
export function terminate() {
  generation += 1;
  worker?.terminate();
  worker = null;
  starting = null;
  const error = new Error('intake/worker: terminated');
  for (const c of pending.values()) c.reject(error);
  pending.clear();
}

/** `validate` of the main entry, in the worker. */
export const validate = (...args) => call('validate', args);
/** `validateJson` of the main entry, in the worker. */
export const validateJson = (...args) => call('validateJson', args);
/** `validateBatch` of the main entry, in the worker. */
export const validateBatch = (...args) => call('validateBatch', args);
/** `checkField` of the main entry, in the worker. */
export const checkField = (...args) => call('checkField', args);
/** `providers` of the main entry, in the worker. */
export const providers = () => call('providers', []);
/** `rule` of the main entry, in the worker. */
export const rule = (...args) => call('rule', args);
/** `formatPhone` of the main entry, in the worker. */
export const formatPhone = (...args) => call('formatPhone', args);
/** `exampleNumber` of the main entry, in the worker. */
export const exampleNumber = (...args) => call('exampleNumber', args);

export { IntakeError };
