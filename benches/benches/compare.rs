//! intake against its peers, in one run: every field rule over the valid cases of
//! its fixture file (`rule/{rule}`), and whole records from JSON bytes
//! (`record/{provider}/{intake,validator,garde}`). Each iteration is one value
//! or one record, cycling through the cases, so a time is per value or record.

mod support;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use intake::Provider;
use intake_benches::{bind_rule, garde_peers, paydock_card_records, record_fixtures, rule_fixtures, validator_peers};
use intake_benches::{RecordCase, RuleCase};
use serde_json::{json, Value};

fn rules(c: &mut Criterion) {
    let mut group = c.benchmark_group("rule");
    for (rule, cases) in rule_fixtures() {
        let bound: Vec<(intake_benches::BoundRule, &RuleCase)> =
            cases.iter().map(|case| (bind_rule(&rule, &case.args).expect("a known rule"), case)).collect();
        for (f, case) in &bound {
            assert!(f(&case.input), "rule {rule}: case {:?} should pass", case.name);
        }
        let mut i = 0;
        group.bench_function(rule.as_str(), |b| {
            b.iter(|| {
                let (f, case) = &bound[i % bound.len()];
                i += 1;
                black_box(f(black_box(&case.input)))
            });
        });
    }
    group.finish();
}

type Peer = (&'static str, fn(&[u8]) -> bool);

fn bench_records(c: &mut Criterion, name: &str, provider: Provider, records: &[RecordCase], peers: &[Peer]) -> Value {
    let mut group = c.benchmark_group("record");
    for r in records {
        let outcome = intake::validate_json(provider, &r.bytes, &r.options);
        assert!(outcome.valid, "{name}: {:?} should be valid", r.name);
    }
    let mut i = 0;
    group.bench_function(format!("{name}/intake"), |b| {
        b.iter(|| {
            let r = &records[i % records.len()];
            i += 1;
            black_box(intake::validate_json(provider, black_box(&r.bytes), &r.options))
        });
    });
    let mut agreement = serde_json::Map::new();
    for (peer, run) in peers {
        let rejected: Vec<&str> = records.iter().filter(|r| !run(&r.bytes)).map(|r| r.name.as_str()).collect();
        agreement.insert(
            (*peer).to_owned(),
            json!({"records": records.len(), "accepted": records.len() - rejected.len(), "rejected": rejected}),
        );
        let mut i = 0;
        group.bench_function(format!("{name}/{peer}"), |b| {
            b.iter(|| {
                let r = &records[i % records.len()];
                i += 1;
                black_box(run(black_box(&r.bytes)))
            });
        });
    }
    group.finish();
    json!({"records": records.len(), "peers": agreement})
}

fn records(c: &mut Criterion) {
    let mut report = serde_json::Map::new();
    let atoa: &[Peer] = &[
        ("validator", validator_peers::run::<validator_peers::Atoa>),
        ("garde", garde_peers::run::<garde_peers::Atoa>),
    ];
    let juicyway: &[Peer] = &[
        ("validator", validator_peers::run::<validator_peers::Juicyway>),
        ("garde", garde_peers::run::<garde_peers::Juicyway>),
    ];
    let paydock: &[Peer] = &[
        ("validator", validator_peers::run::<validator_peers::PaydockCard>),
        ("garde", garde_peers::run::<garde_peers::PaydockCard>),
    ];
    for provider in Provider::ALL.iter().copied() {
        let peers: &[Peer] = match provider {
            Provider::Atoa => atoa,
            Provider::Juicyway => juicyway,
            _ => &[],
        };
        let set = record_fixtures(provider);
        report.insert(provider.id().to_owned(), bench_records(c, provider.id(), provider, &set, peers));
    }
    let cards = paydock_card_records();
    report.insert("paydock_card".to_owned(), bench_records(c, "paydock_card", Provider::Paydock, &cards, paydock));
    // Which fixture records each peer accepts: the peers do not normalize, so a
    // record intake accepts after trimming or folding can fail theirs.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("peer-agreement.json"), Value::Object(report).to_string());
}

criterion_group! { name = benches; config = support::config(); targets = rules, records }
criterion_main!(benches);
