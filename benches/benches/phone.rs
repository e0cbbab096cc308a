//! The phone engine against the `phonenumber` crate it replaced, in one run:
//! - `phone/{intake,phonenumber}`: one valid number per iteration, cycling
//!   through every valid number of libphonenumber's reference corpus
//!   (`fixtures/reference/phone.json`, all regions), written after `+`;
//! - `phone_threads/{intake,phonenumber}/{1,2}`: the same numbers on one and on
//!   two threads at once; the time is per number and thread, so equal times on
//!   1 and 2 threads mean twice the throughput.

mod support;

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use intake_benches::{phone_ok, valid_phone_corpus};

type Check = fn(&str) -> bool;

const CHECKS: [(&str, Check); 2] =
    [("intake", |t| intake::rules::phone::parse(t, None).is_ok()), ("phonenumber", |t| phone_ok(t, None))];

fn single(c: &mut Criterion) {
    let numbers = valid_phone_corpus();
    let mut group = c.benchmark_group("phone");
    for (name, check) in CHECKS {
        let accepted = numbers.iter().filter(|n| check(n)).count();
        eprintln!("phone/{name}: accepts {accepted} of {} valid numbers", numbers.len());
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                i += 1;
                black_box(check(black_box(&numbers[i % numbers.len()])))
            });
        });
    }
    group.finish();
}

fn threads(c: &mut Criterion) {
    let numbers = valid_phone_corpus();
    let mut group = c.benchmark_group("phone_threads");
    for (name, check) in CHECKS {
        for n in [1usize, 2] {
            group.bench_function(format!("{name}/{n}"), |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    std::thread::scope(|s| {
                        for t in 0..n {
                            let numbers = &numbers;
                            s.spawn(move || {
                                for i in 0..iters as usize {
                                    black_box(check(&numbers[(i * 7 + t * 3571) % numbers.len()]));
                                }
                            });
                        }
                    });
                    start.elapsed()
                });
            });
        }
    }
    group.finish();
}

criterion_group! { name = benches; config = support::config(); targets = single, threads }
criterion_main!(benches);
