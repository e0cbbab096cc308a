//! Validates one profile's valid fixture records in a loop, for a profiler:
//! `cargo build --release -p intake-benches --example spin`, then e.g.
//! `perf record -g target/release/examples/spin juicyway 3000000`
//! (`paydock_card` for the card records). Prints the count of valid answers to stderr.

use std::hint::black_box;

use intake::Provider;
use intake_benches::{paydock_card_records, record_fixtures};

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "juicyway".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let (provider, records) = if name == "paydock_card" {
        (Provider::Paydock, paydock_card_records())
    } else {
        let provider: Provider = name.parse().expect("a provider id or paydock_card");
        (provider, record_fixtures(provider))
    };
    let records: Vec<_> =
        records.into_iter().filter(|r| intake::validate_json(provider, &r.bytes, &r.options).valid).collect();
    let mut valid = 0usize;
    for i in 0..rounds {
        let r = &records[i % records.len()];
        valid += usize::from(black_box(intake::validate_json(provider, black_box(&r.bytes), &r.options)).valid);
    }
    eprintln!("{valid} valid");
}
