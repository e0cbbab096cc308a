// The form both entries share: on submit, the record (a Juicyway customer, billing address
// in Nigeria) is validated with `check`, and the outcome written to #result as JSON.
export const TODAY = '2026-11-22';

export function record(form) {
  const value = (name) => form.elements[name].value;
  return {
    first_name: value('first_name'), last_name: value('last_name'), email: value('email'),
    phone: value('phone'), type: 'individual',
    billing_address: { line1: '1 Marina', city: 'Lagos', state: 'Lagos', zip_code: '101001', country: 'NG' },
  };
}

/** Runs `check(record)` (sync or async) on each submit; the outcome goes to `#id`. */
export function onSubmit(id, check) {
  const form = document.getElementById('customer');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = document.getElementById(id);
    out.removeAttribute('data-done');
    try {
      out.textContent = JSON.stringify(await check(record(form)));
    } catch (e) {
      out.textContent = JSON.stringify({ thrown: String(e?.message ?? e) });
    }
    out.dataset.done = 'true';
  });
}
