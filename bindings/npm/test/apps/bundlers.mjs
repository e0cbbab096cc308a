// The bundlers of package.json, imported from here so that they resolve in this folder's
// node_modules (installed by test/bundlers.test.mjs with `npm ci`).
export const vite = { 6: () => import('vite6'), 7: () => import('vite7'), current: () => import('vite8') };
export const webpack = () => import('webpack');
export const rollup = () => import('rollup');
export const nodeResolve = () => import('@rollup/plugin-node-resolve');
export const esbuild = () => import('esbuild');
