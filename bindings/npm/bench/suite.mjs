// The comparison that runs in Node and in the browser alike: intake's package
// (`validate`, `checkField`) against the JS stack of ./peer.mjs, on the same values, in
// the same run. Environment-free: the caller passes the loaded intake module and the
// data (read from the repository's fixtures by scripts/bench.mjs).
import * as peer from './peer.mjs';

export { peer };

/** Calls `fn` on `items` in turn for about `ms` milliseconds; nanoseconds per call. */
export function measure(fn, items, ms) {
  let i = 0;
  let n = 0;
  let sink = 0;
  const t0 = performance.now();
  let t = 0;
  do {
    for (let k = 0; k < 32; k++) {
      if (fn(items[i])) sink++;
      i = i + 1 === items.length ? 0 : i + 1;
    }
    n += 32;
    t = performance.now() - t0;
  } while (t < ms);
  globalThis.__benchSink = sink;
  return (t * 1e6) / n;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * `data`: `{ records: { atoa: [...], juicyway: [...], paydock_card: [...] },
 * fields: { 'atoa/email': { provider, pointer, values }, ... } }`.
 * Returns one row per comparison: medians over `runs` of ns per call, and how many
 * items each side accepts.
 */
export function runSuite({ intake, data, today, runs = 5, ms = 300 }) {
  const opts = { today };
  const benches = [];
  for (const [set, items] of Object.entries(data.records)) {
    const provider = set === 'paydock_card' ? 'paydock' : set;
    benches.push({
      id: `record/${set}`,
      items,
      intake: (r) => intake.validate(provider, r, opts).valid,
      peer: (r) => peer.validate(set, r).valid,
    });
  }
  for (const [key, f] of Object.entries(data.fields)) {
    benches.push({
      id: `field/${key}`,
      items: f.values,
      intake: (v) => intake.checkField(f.provider, f.pointer, v, opts).state === 'valid',
      peer: (v) => peer.checkField(key, v).valid,
    });
  }
  // Warm-up (loads the phone metadata on both sides, lets the JITs settle), and agreement.
  for (const b of benches) {
    b.accepted = { intake: b.items.filter(b.intake).length, peer: b.items.filter(b.peer).length };
    measure(b.intake, b.items, ms / 3);
    measure(b.peer, b.items, ms / 3);
    b.samples = { intake: [], peer: [] };
  }
  for (let run = 0; run < runs; run++) {
    for (const b of benches) {
      // Alternate the order, so that neither side always runs first.
      const order = run % 2 ? ['peer', 'intake'] : ['intake', 'peer'];
      for (const side of order) b.samples[side].push(measure(b[side], b.items, ms));
    }
  }
  return benches.map((b) => ({
    id: b.id,
    items: b.items.length,
    accepted: b.accepted,
    intakeNs: median(b.samples.intake),
    peerNs: median(b.samples.peer),
    ratio: median(b.samples.intake) / median(b.samples.peer),
    samples: b.samples,
  }));
}
