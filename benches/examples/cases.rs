//! Per-case times of the field rules and records, to see which inputs are slow
//! (the criterion groups give one time per rule or profile, over all cases):
//! `cargo run --release -p intake-benches --example cases [rule-or-provider ...]`.
//! Each case runs for about 20 ms after one warm-up call; printed slowest first.

use std::hint::black_box;
use std::time::{Duration, Instant};

use intake::Provider;
use intake_benches::{bind_rule, record_fixtures, rule_fixtures};

fn time(mut f: impl FnMut()) -> f64 {
    f();
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < Duration::from_millis(20) {
        f();
        n += 1;
    }
    start.elapsed().as_secs_f64() * 1e9 / f64::from(n.max(1))
}

fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let pick = |name: &str| wanted.is_empty() || wanted.iter().any(|w| w == name);
    let mut rows: Vec<(f64, String)> = Vec::new();
    for (rule, cases) in rule_fixtures() {
        if !pick(&rule) {
            continue;
        }
        let bound: Vec<_> = cases.iter().map(|c| (bind_rule(&rule, &c.args).expect("a known rule"), c)).collect();
        let mut i = 0;
        let cycling = time(|| {
            let (f, c) = &bound[i % bound.len()];
            i += 1;
            black_box(f(black_box(&c.input)));
        });
        rows.push((cycling, format!("rule/{rule}: ALL {} cases in turn (per case)", bound.len())));
        for case in cases {
            let f = bind_rule(&rule, &case.args).expect("a known rule");
            rows.push((
                time(|| {
                    black_box(f(black_box(&case.input)));
                }),
                format!("rule/{rule}: {}", case.name),
            ));
        }
    }
    for provider in Provider::ALL.iter().copied() {
        if !pick(provider.id()) {
            continue;
        }
        let all = record_fixtures(provider);
        let mut i = 0;
        let cycling = time(|| {
            let r = &all[i % all.len()];
            i += 1;
            black_box(intake::validate_json(provider, black_box(&r.bytes), &r.options));
        });
        rows.push((cycling, format!("record/{}: ALL {} records in turn (per record)", provider.id(), all.len())));
        for r in all {
            let t = time(|| {
                black_box(intake::validate_json(provider, black_box(&r.bytes), &r.options));
            });
            rows.push((t, format!("record/{}: {}", provider.id(), r.name)));
        }
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out = String::new();
    for (ns, name) in rows {
        out.push_str(&format!("{:>12.0} ns  {name}\n", ns));
    }
    eprint!("{out}");
}
