// The README's first example as written: a top-level `await init()`.
import { init, validate } from 'intake';
import { onSubmit, TODAY } from './form.js';

await init();
onSubmit('result', (record) => validate('juicyway', record, { today: TODAY }));
document.body.dataset.ready = 'true';
