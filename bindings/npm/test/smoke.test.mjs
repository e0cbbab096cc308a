// Proves the Node path: init() reads the .wasm from disk, calls round-trip JSON.
// PLACEHOLDER assertions: they check the echo crate; replace with real outcomes later.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkField, init, providers, validate, validateBatch } from '../index.js';

test('calls before init() throw a clear error', () => {
  assert.throws(() => validate('atoa', {}), /call `await init\(\)` first/);
});

test('init() then every export returns parsed JSON', async () => {
  await Promise.all([init(), init()]); // concurrent calls share one load

  const v = validate('atoa', { email: 'ada@example.com' }, { today: '2025-01-31', flow: 2 });
  assert.deepEqual(v, {
    placeholder: 'validate',
    args: ['atoa', { email: 'ada@example.com' }, { today: '2025-01-31', flow: 2 }],
  });

  // `today` defaults to the UTC date.
  const [, , opts] = validateBatch('stax', [{}, {}]).args;
  assert.equal(opts.today, new Date().toISOString().slice(0, 10));

  assert.deepEqual(checkField('paydock', '/phone', '+44 79', { partial: true, today: '2025-01-31' }).args, [
    'paydock', '/phone', '+44 79', { partial: true, today: '2025-01-31' },
  ]);
  assert.deepEqual(providers(), [{ id: 'placeholder' }]);
});

test('a Rust error becomes a thrown JS Error', async () => {
  await init();
  assert.throws(() => validate('', {}), { name: 'Error', message: /provider must not be empty/ });
});
