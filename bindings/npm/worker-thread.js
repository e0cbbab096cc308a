// The code that runs inside the Web Worker of `intake/worker` (worker.js). Not an entry
// point: scripts/build.mjs bundles it with index.js and the wasm-bindgen glue into one
// classic-worker script, pkg/intake_worker_code.js, which worker.js starts from a Blob URL.
// Messages: `{ id, name, args }` in; `{ id, value }` or `{ id, error }` out.
import * as intake from './index.js';

// The functions a page may call; `init` gets the WebAssembly.Module compiled by the page.
const CALLS = new Set([
  'init', 'validate', 'validateJson', 'validateBatch', 'checkField', 'providers', 'rule', 'formatPhone',
  'exampleNumber',
]);

self.onmessage = async ({ data: { id, name, args } }) => {
  try {
    if (!CALLS.has(name)) throw new intake.IntakeError(`intake/worker: no function named ${name}`, 'input.invalid');
    self.postMessage({ id, value: await intake[name](...args) });
  } catch (e) {
    self.postMessage({ id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? e), code: e?.code } });
  }
};
