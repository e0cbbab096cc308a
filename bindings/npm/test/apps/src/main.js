// The README's pattern: start loading at once, await the promise where the result is needed
// (no top-level await, so it builds with any target), and the same check in the worker.
import { init, validate } from 'intake';
import * as inWorker from 'intake/worker';
import { onSubmit, TODAY } from './form.js';

const ready = init();
onSubmit('result', async (record) => {
  await ready;
  return validate('juicyway', record, { today: TODAY });
});
onSubmit('worker-result', (record) => inWorker.validate('juicyway', record, { today: TODAY }));
ready.then(() => { document.body.dataset.ready = 'true'; }, (e) => { document.body.dataset.ready = String(e); });
