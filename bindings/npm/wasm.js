// `intake/wasm`: the URL of the package's .wasm, for a page that preloads it or passes it
// to init() itself. Written as `new URL(..., import.meta.url)`, so Vite (build), webpack 5
// and Rollup's asset plugins copy the file and rewrite the URL.
export default new URL('./pkg/intake_wasm_bg.wasm', import.meta.url).href;
