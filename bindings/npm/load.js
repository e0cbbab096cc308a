// Finds the WASM module's bytes for init() (index.js) and for the worker entry (worker.js).
// Not a public entry point (package.json "exports" does not list it).
//
// The .wasm is named with `new URL("./pkg/intake_wasm_bg.wasm", import.meta.url)`, the form
// Vite (build), webpack 5 and Rollup's asset plugins see, copy and rewrite. Where nothing
// copied it (esbuild, plain Rollup), or a dev server serves something else at that URL
// (Vite's dependency pre-bundling moves this file, and the URL then answers with the app's
// index.html; a package linked from outside the project is refused by Vite's serving allow
// list), the bytes come from pkg/intake_wasm_inline.js instead: the same module as base64,
// in its own chunk, loaded only then. DESIGN.md, "Loading the .wasm", has the reasoning.

// `process.versions.node` guarded so bundlers targeting browsers see no Node globals.
const isNode = typeof process !== 'undefined' && !!process.versions?.node;
const NODE_FS = 'node:fs/promises';
const MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

/**
 * The module for wasm-bindgen's init: a `Response` to compile as it streams, or bytes.
 * In Node the file is read from disk; in a browser it is fetched, with the inlined bytes
 * as the fallback when the fetch gives anything but a WebAssembly module.
 */
export async function wasmSource() {
  const url = new URL('./pkg/intake_wasm_bg.wasm', import.meta.url);
  if (isNode) {
    // Node's fetch cannot read file: URLs. The specifier is not a literal, and the hints
    // say so, so that bundlers targeting browsers leave this Node-only branch alone.
    const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS);
    return fs.readFile(url);
  }
  const response = await fetch(url).catch(() => null);
  if (response?.ok) {
    if (/^application\/wasm\b/.test(response.headers.get('content-type') ?? '')) {
      return response;
    }
    // Served with another type: usable only if the bytes are a module (not an HTML page).
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (MAGIC.every((b, i) => bytes[i] === b)) {
      return bytes;
    }
  }
  const { default: bytes } = await import('./pkg/intake_wasm_inline.js');
  return bytes;
}

/** Compiles the module found by {@link wasmSource} (for a worker, which takes a `WebAssembly.Module`). */
export async function compileWasm() {
  const source = await wasmSource();
  return source instanceof Response ? WebAssembly.compileStreaming(source) : WebAssembly.compile(source);
}
