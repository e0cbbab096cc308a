//! Heap allocations per record, counted by a test-only global allocator: for
//! every valid profile fixture, reading the JSON bytes, validating and writing
//! the outcome line into a reused buffer. The counts are printed (run with
//! `--nocapture`; BENCHMARKS.md reports them). A valid record that raises no
//! warning is held to a budget: one vector per JSON object or array (the
//! borrowed tree), and for each value at most three allocations (a rule that
//! changes a value builds it, Unicode normalization and case folding may take
//! one more); warnings (their paths, their suggestions) are paid for only when
//! raised. A budget, not a count: a rule that allocates per character or per
//! candidate fails it. A record that needs no change is held to an exact
//! count, with nothing for its values (see the second test).

#![allow(unsafe_code, clippy::print_stdout)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

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

/// The counter is global: the tests take turns, or they would count each other.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

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
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
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

/// A record that needs no change (a valid payload, sent back as it is) costs
/// no allocation for any of its values: every text in its payload is borrowed
/// from the record's bytes. What is left is counted exactly:
/// - the tree the record is read into: one vector per JSON object or array;
/// - the payload's own lists: one vector per JSON array (Authvia's
///   `addresses`, Stax's `cc_emails`, its custom fields);
/// - a string written with a JSON escape (`\n`): its unescaped text, made
///   while reading, and its copy in the payload;
/// - a free-form object (Authvia's `metadata` and `appdata`, Stax's
///   `options`): its compact JSON text, as `serde_json::value::to_raw_value`
///   writes it (a buffer of 128 bytes, doubled as needed, then boxed).
#[test]
fn a_record_that_needs_no_change_allocates_nothing_for_its_values() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut out = Vec::with_capacity(1 << 16);
    let mut over = Vec::new();
    let mut checked = 0;
    for &provider in Provider::ALL {
        for (bytes, options) in valid_records(provider.id()) {
            let outcome = intake::validate_json(provider, &bytes, &options);
            let payload = serde_json::to_vec(&outcome.normalized).unwrap();
            let mut warned = true;
            let n = count(|| {
                out.clear();
                let again = intake::validate_json(provider, &payload, &options);
                assert!(again.valid, "{provider}: a payload is not valid again");
                warned = !again.warnings.is_empty();
                again.write_json(&mut out);
            });
            if warned {
                continue; // a warning's path and message are paid for when raised
            }
            checked += 1;
            let record: Value = serde_json::from_slice(&payload).unwrap();
            let free_form: usize = ["metadata", "appdata", "options"]
                .iter()
                .filter_map(|k| record.get(*k))
                .map(|v| raw_text_allocations(v.to_string().len()))
                .sum();
            let budget = containers(&record) + arrays(&record) + 2 * escaped(&record) + free_form;
            if n > budget {
                over.push(format!("{provider}: {n} allocations > {budget} for {}", String::from_utf8_lossy(&payload)));
            }
        }
    }
    println!("{checked} payloads read back without a warning, each within its tree's allocations");
    assert!(checked >= 40, "only {checked} payloads checked");
    assert!(over.is_empty(), "{}", over.join("\n"));
}

fn arrays(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(arrays).sum::<usize>(),
        Value::Object(o) => o.values().map(arrays).sum(),
        _ => 0,
    }
}

/// Strings (member names and values) that JSON writes with an escape.
fn escaped(v: &Value) -> usize {
    let has_escape = |s: &str| serde_json::to_string(s).unwrap().contains('\\');
    match v {
        Value::String(s) => usize::from(has_escape(s)),
        Value::Array(a) => a.iter().map(escaped).sum(),
        Value::Object(o) => o.iter().map(|(k, v)| usize::from(has_escape(k)) + escaped(v)).sum(),
        _ => 0,
    }
}

/// What `to_raw_value` allocates for a text of `len` bytes: its buffer (128
/// bytes, doubled until the text fits), then the exactly sized box.
fn raw_text_allocations(len: usize) -> usize {
    let mut capacity = 128;
    let mut allocations = 1;
    while capacity < len {
        capacity *= 2;
        allocations += 1;
    }
    allocations + usize::from(len < capacity)
}
