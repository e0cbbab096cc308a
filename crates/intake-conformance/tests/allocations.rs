//! Heap allocations per record, counted by a test-only global allocator: for
//! every valid profile fixture, reading the JSON bytes, validating and writing
//! the outcome line into a reused buffer. The counts are printed (run with
//! `--nocapture`; BENCHMARKS.md reports them). A valid record that raises no
//! warning is held to a budget: one vector per JSON object or array (the
//! borrowed tree), and for each value at most three allocations (the typed
//! payload owns its text, a rule that changes a value builds it, Unicode
//! normalization and case folding may take one more); warnings (their paths,
//! their suggestions) are paid for only when raised. A budget, not a count: a
//! rule that allocates per character or per candidate fails it.

#![allow(unsafe_code, clippy::print_stdout)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use intake::{Options, Provider};
use serde_json::Value;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only a
// counter is added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as the caller promised for `layout`.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above, i.e. from `System`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as the caller promised for `ptr` and `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Compact JSON text and options of every valid record of a profile's fixtures.
fn valid_records(provider: &str) -> Vec<(Vec<u8>, Options)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../fixtures/profiles/{provider}.json"));
    let file: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    file["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["valid"] == Value::Bool(true) && c.get("record").is_some())
        .map(|c| {
            let mut options = file.get("options").cloned().unwrap_or_else(|| serde_json::json!({}));
            if let (Some(all), Some(own)) = (options.as_object_mut(), c.get("options").and_then(Value::as_object)) {
                all.extend(own.clone());
            }
            (serde_json::to_vec(&c["record"]).unwrap(), intake::json::options(&options.to_string()).unwrap())
        })
        .collect()
}

/// The allocations of `f`, run once to warm up and then counted.
fn count(mut f: impl FnMut()) -> usize {
    f();
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    f();
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

#[test]
fn allocations_per_valid_record() {
    let mut out = Vec::with_capacity(1 << 16);
    let mut report = Vec::new();
    let mut over = Vec::new();
    for &provider in Provider::ALL {
        let records = valid_records(provider.id());
        assert!(!records.is_empty(), "{provider}: no valid fixture");
        let mut counts: Vec<(usize, usize)> = Vec::new();
        let mut clean = Vec::new();
        for (bytes, options) in &records {
            let mut warned = false;
            let n = count(|| {
                out.clear();
                let outcome = intake::validate_json(provider, bytes, options);
                assert!(outcome.valid);
                warned = !outcome.warnings.is_empty();
                outcome.write_json(&mut out);
            });
            let record: Value = serde_json::from_slice(bytes).unwrap();
            let budget = containers(&record) + 3 * leaves(&record);
            if !warned {
                clean.push(n);
                if n > budget {
                    over.push(format!(
                        "{provider}: {n} allocations > budget {budget} for {}",
                        String::from_utf8_lossy(bytes)
                    ));
                }
            }
            counts.push((n, leaves(&record)));
        }
        let total: usize = counts.iter().map(|c| c.0).sum();
        let fields: usize = counts.iter().map(|c| c.1).sum();
        let max = counts.iter().map(|c| c.0).max().unwrap_or(0);
        report.push(format!(
            "{:<9} {:>3} valid records: {:>5.1} allocations per record (max {max}), {:.2} per value; {} without warnings: {:.1} per record",
            provider.id(),
            counts.len(),
            total as f64 / counts.len() as f64,
            total as f64 / fields.max(1) as f64,
            clean.len(),
            clean.iter().sum::<usize>() as f64 / clean.len().max(1) as f64,
        ));
    }
    println!("{}", report.join("\n"));
    assert!(over.is_empty(), "{}", over.join("\n"));
}

fn containers(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(containers).sum::<usize>(),
        Value::Object(o) => 1 + o.values().map(containers).sum::<usize>(),
        _ => 0,
    }
}

fn leaves(v: &Value) -> usize {
    match v {
        Value::Array(a) => a.iter().map(leaves).sum(),
        Value::Object(o) => o.values().map(leaves).sum(),
        _ => 1,
    }
}
