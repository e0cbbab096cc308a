/**
 * The URL of the package's WebAssembly module (`pkg/intake_wasm_bg.wasm`), for `init(url)`
 * or a `<link rel="preload">`. Also the type of `import url from "intake/intake_wasm_bg.wasm"`
 * under a bundler whose loader for .wasm files gives their URL (esbuild's `file` loader,
 * webpack's `asset/resource`; in Vite, add `?url`).
 */
declare const url: string;
export default url;
