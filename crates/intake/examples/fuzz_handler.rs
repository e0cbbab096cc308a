//! Fuzzing a service's own handler with intake's generators, on stable Rust and
//! without libFuzzer: random bytes become records through
//! `arbitrary::Unstructured` and `intake::arbitrary`, the handler answers each,
//! and the handler's own promises are checked.
//!
//! ```sh
//! cargo run -p intake --features arbitrary --example fuzz_handler -- 5        # 5 seconds
//! cargo run -p intake --features arbitrary --example fuzz_handler -- 5 42     # seed 42
//! ```
//!
//! The handler is what a small signup service would write: read a JSON body,
//! validate it for Stax or Juicyway, answer `201` with the payload to forward or
//! the provider's status with the error codes. Its promises: it never panics,
//! answers `201` exactly for a valid record, never echoes a run of the body's
//! digits (a card or phone number) in an error answer, and what it forwards is
//! accepted again unchanged.
#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use arbitrary::{Arbitrary, Unstructured};
use intake::arbitrary::{JuicywayRecord, StaxRecord};
use intake::{Options, Provider};
use serde_json::{json, Value};

/// The service's answer: an HTTP status and a JSON body.
struct Response {
    status: u16,
    body: Value,
}

/// The handler under test: `POST /signup/{provider}` with a JSON body.
fn handle(provider: Provider, body: &[u8], options: &Options) -> Response {
    let outcome = intake::validate_json(provider, body, options);
    match outcome.normalized {
        Some(payload) if outcome.valid => Response { status: 201, body: json!({ "forward": payload }) },
        _ => Response {
            status: outcome.status.unwrap_or(400),
            body: json!({ "errors": outcome.errors.iter().map(|e| json!({"path": e.path, "code": e.code.as_str()})).collect::<Vec<_>>() }),
        },
    }
}

/// The handler's promises on one request; `Err` names the broken one.
fn check(provider: Provider, body: &str, options: &Options) -> Result<(), String> {
    let response = handle(provider, body.as_bytes(), options);
    let valid = intake::validate_json(provider, body.as_bytes(), options).valid;
    if (response.status == 201) != valid {
        return Err(format!("answered {} for a record whose validity is {valid}", response.status));
    }
    if response.status != 201 {
        let text = response.body.to_string();
        let echoed =
            body.split(|c: char| !c.is_ascii_digit()).filter(|run| run.len() >= 8).any(|run| text.contains(run));
        if echoed {
            return Err("an error answer repeats digits of the body".to_owned());
        }
        return Ok(());
    }
    let forwarded = &response.body["forward"];
    let again = handle(provider, forwarded.to_string().as_bytes(), options);
    if again.status != 201 || again.body["forward"] != *forwarded {
        return Err("what the handler forwards is not accepted again unchanged".to_owned());
    }
    Ok(())
}

/// xorshift64*: bytes for `Unstructured`, reproducible from a seed.
struct Bytes(u64);

impl Bytes {
    fn fill(&mut self, out: &mut [u8]) {
        for chunk in out.chunks_mut(8) {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            let word = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0x5eed);
    let options = Options::new(intake::Date::new(2026, 11, 22).unwrap_or(intake::Date::from_unix_days(0)));
    let mut bytes = Bytes(seed | 1);
    let mut buffer = vec![0u8; 512];
    let (mut runs, mut valid) = (0u64, 0u64);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < deadline {
        let len = 1 + (runs as usize * 7919) % buffer.len();
        bytes.fill(&mut buffer[..len]);
        let mut u = Unstructured::new(&buffer[..len]);
        let request = if runs % 2 == 0 {
            StaxRecord::arbitrary(&mut u).map(|r| (Provider::Stax, r.to_json()))
        } else {
            JuicywayRecord::arbitrary(&mut u).map(|r| (Provider::Juicyway, r.to_json()))
        };
        let Ok((provider, body)) = request else { continue };
        if let Err(broken) = check(provider, &body, &options) {
            // The body is generated test data, safe to print; a service would save it.
            println!("run {runs}: {provider}: {broken}\n{body}");
            std::process::exit(1);
        }
        valid += u64::from(intake::validate_json(provider, body.as_bytes(), &options).valid);
        runs += 1;
    }
    println!("fuzz_handler: {runs} requests in {seconds} s (seed {seed}), {valid} valid, every promise held");
}
