// What an application bundles (test/bundler.test.mjs builds it with esbuild, for browsers
// and for Node; the browser test loads the browser bundle in Chromium).
import { checkField, init, validate } from 'intake';

export async function run() {
  await init(); // finds pkg/intake_wasm_bg.wasm next to the bundle, as next to index.js
  return {
    outcome: validate('atoa', { fullName: 'Ada Lovelace', postcode: 'sw1a1aa', email: 'ada@example.com' }, { today: '2026-11-22' }),
    field: checkField('juicyway', '/phone', '+234 80', { partial: true, today: '2026-11-22' }).state,
  };
}
