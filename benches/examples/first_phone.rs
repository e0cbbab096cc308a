//! The cost of the first phone number a process checks, which a benchmark loop
//! hides: `cargo run --release -p intake-benches --example first_phone -- intake`
//! (or `phonenumber`) prints one line of JSON, `{"engine", "first_us", "second_us"}`.
//! `scripts/bench.sh` runs it in fresh processes and keeps the medians.

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let engine = std::env::args().nth(1).unwrap_or_else(|| "intake".to_owned());
    let check = |text: &str| match engine.as_str() {
        "phonenumber" => intake_benches::phone_ok(text, None),
        _ => intake::rules::phone::parse(text, None).is_ok(),
    };
    let start = Instant::now();
    let first = black_box(check(black_box("+44 7400 123456")));
    let first_us = start.elapsed().as_secs_f64() * 1e6;
    let start = Instant::now();
    let second = black_box(check(black_box("+234 802 123 4567")));
    let second_us = start.elapsed().as_secs_f64() * 1e6;
    assert!(first && second, "{engine}: the example numbers are valid");
    // The one line of output is the program's result, for scripts/bench.sh to collect.
    let line = format!("{{\"engine\":\"{engine}\",\"first_us\":{first_us:.1},\"second_us\":{second_us:.1}}}\n");
    std::io::Write::write_all(&mut std::io::stdout(), line.as_bytes()).expect("stdout");
}
