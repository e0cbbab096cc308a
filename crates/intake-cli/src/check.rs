//! The `check` pipeline: read, validate on every core, apply batch rules in
//! order, write in order.
//!
//! ```text
//! reader thread ──chunks of 512──▶ N worker threads ──▶ main thread
//!  (split input)                  (parse JSON or build a  (reorder by chunk,
//!                                  row, validate, damage   Batch::apply, write
//!                                  checks, render lines)   stdout and files)
//! ```
//!
//! Validation is pure, so records are validated in any order; only
//! [`Batch::apply`] needs input order, and it only compares a key per record, so
//! the main thread's share is small. Workers render each record's lines too
//! (stdout's, and the `--errors`/`--valid` files'); the main thread renders again
//! only the rare outcome that a batch rule changed.
//!
//! Memory stays flat: at most `2 × jobs + 2` chunks exist between the reader
//! and the writer (the reader takes a permit per chunk, the writer gives it back).
//! The permit carries the written chunk's results back, and the reader drops
//! them: freeing what the workers allocated is then off the writer, the one
//! thread that runs in order.
//!
//! The threads are not scoped: when the output closes early, `run` returns
//! at once, even if the reader is blocked reading a terminal; the process then
//! exits and takes them with it.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use intake::{Batch, Code, Fault, IntoOwned, Options, Provider};
use serde::Serialize;

use crate::args::OutputFormat;
use crate::input::{Pos, Raw, Record, Unit};
use crate::output::{Checked, Place, Sink};
use crate::summary::Stats;
use crate::{HasPayload, Outcome};

/// Records per chunk: large enough to make channel traffic negligible, small
/// enough that output follows input closely.
const CHUNK: usize = 512;

/// Records read before the input's size is taken to tell how many it holds: enough
/// that the reader's read-ahead buffer (256 KiB) hardly skews the guess.
const SAMPLE: u64 = 32 * CHUNK as u64;

/// The most keys the batch map makes room for up front; past that it grows as usual.
const MOST_RESERVED: u64 = 1 << 24;

/// What validates one record: the provider, the options and how results are written.
#[derive(Debug)]
pub struct Job {
    /// The profile.
    pub provider: Provider,
    /// Today, the forced flow, the limits.
    pub options: Options,
    /// How each result is written.
    pub output: OutputFormat,
    /// How records are placed in the input.
    pub unit: Unit,
    /// `--id-column`: the member of a JSON record, or the column of a table, carried into the results.
    pub id_column: Option<String>,
    /// `--only-invalid`: write nothing to stdout for a valid record.
    pub only_invalid: bool,
    /// How the `--errors` and `--valid` files' lines are made.
    pub files: crate::files::Layouts,
    /// The input file's size, and how much of it has been read: to guess how
    /// many records the batch holds (none for standard input).
    pub size: Option<(u64, Arc<AtomicU64>)>,
}

impl Job {
    /// A job for `provider` with `options`, writing `output`, for an NDJSON input
    /// with no id column and every record shown.
    pub fn new(provider: Provider, options: Options, output: OutputFormat) -> Self {
        Job {
            provider,
            options,
            output,
            unit: Unit::Line,
            id_column: None,
            only_invalid: false,
            files: crate::files::Layouts::default(),
            size: None,
        }
    }

    /// Validates record `n` (at `row`), reporting an unreadable one as an invalid
    /// record, adds the warnings for damaged cells, and renders its results.
    pub fn check(&self, n: u64, row: u64, raw: Raw, id: Option<String>) -> Checked {
        match raw {
            Raw::Value(value) => {
                let mut outcome = intake::validate(self.provider, &value, &self.options);
                crate::damage::check(self.provider, &value, &mut outcome);
                self.render(n, row, id, outcome)
            }
            Raw::Cells(cells) => match cells.build() {
                // The row was held to the size limit; the text made of it may be longer.
                Ok((text, id)) => match intake::Record::parse(&text, &self.options.limits.with_max_bytes(usize::MAX)) {
                    Ok(record) => self.render(n, row, id, self.checked(&record, &text)),
                    // Text written from cells is JSON: this is not reached.
                    Err(fault) => self.render(n, row, id, Outcome::unreadable(fault)),
                },
                Err(fault) => self.render(n, row, None, Outcome::unreadable(fault)),
            },
            Raw::Json { text, at } => match intake::Record::parse(&text, &self.options.limits) {
                // Read once: the profile validates this reading, the damage checks
                // and the id column look at it; no `Value` is built.
                Ok(record) => {
                    let outcome = self.checked(&record, &text);
                    let id = self.id_column.as_deref().and_then(|name| record.member_text(name)).map(Cow::into_owned);
                    self.render(n, row, id, outcome)
                }
                Err(fault) if fault.code == Code::RecordMalformed => {
                    let fault = Fault::owned(Code::RecordMalformed, located(&text, at));
                    self.render(n, row, id, Outcome::unreadable(fault))
                }
                Err(fault) => self.render(n, row, id, Outcome::unreadable(fault)),
            },
            Raw::Unreadable(fault) => self.render(n, row, id, Outcome::unreadable(fault)),
        }
    }

    /// The outcome of a record read from `text`, with the warnings for damaged cells.
    fn checked<'a>(&self, record: &intake::Record<'a>, text: &[u8]) -> Outcome<'a> {
        let mut outcome = record.validate(self.provider, &self.options);
        crate::damage::check_record(self.provider, record, text, &mut outcome);
        outcome
    }

    /// Record `n`'s results, rendered: its stdout text (nothing for a valid one under
    /// `--only-invalid`) and its lines of the files. The outcome is kept for the
    /// batch rules, its payload only when a rule may render it again ([`crate::Kept`]).
    pub fn render(&self, n: u64, row: u64, id: Option<String>, outcome: Outcome<'_>) -> Checked {
        let (text, errors, valid) = self.lines(n, row, id.as_deref(), &outcome);
        // Copied only for a provider whose batch rule may render it again.
        let keep = Batch::new(self.provider).keeps_valid();
        let outcome = outcome.map(|payload| keep.then(|| payload.into_owned()));
        Checked { n, row, id, outcome, text, errors, valid }
    }

    /// Renders `checked`'s lines again from its outcome (after a batch rule changed it).
    fn render_lines(&self, checked: &mut Checked) {
        (checked.text, checked.errors, checked.valid) =
            self.lines(checked.n, checked.row, checked.id.as_deref(), &checked.outcome);
    }

    /// Record `n`'s stdout text, its `--errors` lines and its `--valid` line.
    fn lines<T: Serialize + HasPayload>(
        &self,
        n: u64,
        row: u64,
        id: Option<&str>,
        outcome: &intake::Outcome<T>,
    ) -> (Vec<u8>, String, String) {
        let text = if self.only_invalid && outcome.valid {
            Vec::new()
        } else {
            let place = Place { unit: self.unit, row, id, with_id: self.id_column.is_some() };
            crate::output::render(self.output, n, &place, outcome)
        };
        let (errors, valid) = self.files.render(n, row, id, outcome);
        (text, errors, valid)
    }
}

/// Why a JSON record is not valid, placed in the input (not in the record, as
/// `parse_record` places it), and never quoting it.
fn located(text: &[u8], at: Pos) -> String {
    use serde_json::error::Category;
    match serde_json::from_slice::<serde::de::IgnoredAny>(text) {
        Err(e) if e.line() > 0 => {
            let kind = match e.classify() {
                Category::Io => "read error",
                Category::Syntax => "syntax error",
                Category::Data => "unexpected value",
                Category::Eof => "unexpected end of input",
            };
            let line = at.line + e.line() as u64 - 1;
            let column =
                if e.line() == 1 { at.column + (e.column() as u64).saturating_sub(1) } else { e.column() as u64 };
            format!("is not valid JSON ({kind} at line {line}, column {column})")
        }
        _ => format!("is not valid JSON (the record starts at line {})", at.line),
    }
}

/// Why a run stopped before the end of its input.
#[derive(Debug)]
pub enum Stop {
    /// The input could not be read any further.
    Input(io::Error),
    /// The results could not be written (a closed pipe, a full disk).
    Output(io::Error),
    /// The operating system would not start a thread.
    Threads(io::Error),
}

/// Records numbered from `first`, in input order.
struct Chunk {
    seq: u64,
    first: u64,
    raws: Vec<Record>,
}

/// A chunk's results; or the input's read error.
type Done = (u64, io::Result<Vec<Checked>>);

/// Checks every record of `records` with `jobs` worker threads, writing each
/// result to `out` in input order. `each_chunk` is called after every chunk
/// written (for the progress bar).
pub fn run(
    job: Job,
    jobs: usize,
    records: Box<dyn Iterator<Item = io::Result<Record>> + Send>,
    out: &mut dyn Sink,
    mut each_chunk: impl FnMut(&Stats),
) -> (Stats, Result<(), Stop>) {
    let jobs = jobs.max(1);
    let in_flight = 2 * jobs + 2;
    let job = Arc::new(job);
    let (work_tx, work_rx) = sync_channel::<Chunk>(jobs);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = sync_channel::<Done>(in_flight);
    let (permit_tx, permit_rx) = sync_channel::<Vec<Checked>>(in_flight);
    for _ in 0..in_flight {
        let _ = permit_tx.send(Vec::new());
    }
    let reader_tx = done_tx.clone();
    // The reader's guess of the number of records, 0 until it has one.
    let expected = Arc::new(AtomicU64::new(0));
    let guess = job.size.clone().map(|(len, read)| (len, read, Arc::clone(&expected)));
    if let Err(e) = spawn("intake-reader", move || read(records, &work_tx, &reader_tx, &permit_rx, guess)) {
        return (Stats::default(), Err(Stop::Threads(e)));
    }
    for i in 0..jobs {
        let (job, work_rx, done_tx) = (Arc::clone(&job), Arc::clone(&work_rx), done_tx.clone());
        if let Err(e) = spawn(&format!("intake-worker-{i}"), move || work(&job, &work_rx, &done_tx)) {
            // Fewer workers only slow the run; none would stall it.
            if i == 0 {
                return (Stats::default(), Err(Stop::Threads(e)));
            }
            break;
        }
    }
    drop(done_tx);

    let mut stats = Stats::default();
    let mut batch = Batch::new(job.provider);
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let mut reserved = false;
    for (seq, result) in done_rx {
        // Room for every key at once: growing the map doubles it again and
        // again, and the fresh pages of each copy cost more than its hashing.
        let guessed = expected.load(Ordering::Relaxed);
        if !reserved && guessed > 0 {
            let rest = guessed.saturating_sub(stats.records).min(MOST_RESERVED);
            batch.reserve(usize::try_from(rest).unwrap_or(0));
            reserved = true;
        }
        pending.insert(seq, result);
        while let Some(result) = pending.remove(&next) {
            next += 1;
            let mut written = match result {
                Ok(outcomes) => outcomes,
                Err(e) => return (stats, Err(Stop::Input(e))),
            };
            // In place: a `Checked` is large, and this is the one thread that runs in order.
            for checked in &mut written {
                let before = (checked.outcome.errors.len(), checked.outcome.warnings.len());
                let number = job.unit.number(checked.n, checked.row);
                batch.apply_numbered(&mut checked.outcome, number, job.unit.word());
                if before != (checked.outcome.errors.len(), checked.outcome.warnings.len()) {
                    job.render_lines(checked);
                }
                stats.add(&checked.outcome);
                if let Err(e) = out.write(checked) {
                    return (stats, Err(Stop::Output(e)));
                }
            }
            // Flushed per chunk, so a slow input's results still appear as they come.
            if let Err(e) = out.flush() {
                return (stats, Err(Stop::Output(e)));
            }
            let _ = permit_tx.send(written);
            each_chunk(&stats);
        }
    }
    (stats, Ok(()))
}

/// Starts a detached thread, reporting failure instead of panicking as `thread::spawn` does.
fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> io::Result<()> {
    thread::Builder::new().name(name.to_owned()).spawn(f).map(drop)
}

/// The reader thread: cuts the records into chunks and hands them to the workers.
fn read(
    records: Box<dyn Iterator<Item = io::Result<Record>> + Send>,
    work: &SyncSender<Chunk>,
    done: &SyncSender<Done>,
    permits: &Receiver<Vec<Checked>>,
    guess: Option<(u64, Arc<AtomicU64>, Arc<AtomicU64>)>,
) {
    let mut seq = 0;
    let mut first = 0;
    let mut raws = Vec::with_capacity(CHUNK);
    let send = |raws: Vec<Record>, seq: &mut u64, first: &mut u64| {
        let n = raws.len() as u64;
        // A permit first: the writer gives it back once a chunk is written, with
        // that chunk's results to drop here.
        let sent = permits.recv().is_ok() && work.send(Chunk { seq: *seq, first: *first, raws }).is_ok();
        *seq += 1;
        *first += n;
        sent
    };
    for record in records {
        match record {
            Ok(raw) => raws.push(raw),
            Err(e) => {
                if !raws.is_empty() && !send(std::mem::take(&mut raws), &mut seq, &mut first) {
                    return;
                }
                let _ = done.send((seq, Err(e)));
                return;
            }
        }
        if first + raws.len() as u64 == SAMPLE {
            if let Some((len, read, expected)) = &guess {
                let read = read.load(Ordering::Relaxed).max(1);
                // An eighth more: the bytes read include the read-ahead, so the
                // guess is low, and a map one key short doubles again.
                let records = u128::from(*len) * u128::from(SAMPLE + SAMPLE / 8) / u128::from(read);
                expected.store(u64::try_from(records).unwrap_or(u64::MAX), Ordering::Relaxed);
            }
        }
        if raws.len() == CHUNK && !send(std::mem::replace(&mut raws, Vec::with_capacity(CHUNK)), &mut seq, &mut first) {
            return;
        }
    }
    if !raws.is_empty() {
        send(raws, &mut seq, &mut first);
    }
}

/// A worker thread: validates and renders chunks until there are no more.
fn work(job: &Job, chunks: &Mutex<Receiver<Chunk>>, done: &SyncSender<Done>) {
    loop {
        // The lock is held only while waiting for the next chunk.
        let chunk = match chunks.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(chunk) = chunk else { return };
        let outcomes = (chunk.first..)
            .zip(chunk.raws)
            .map(|(n, record)| job.check(n, record.row, record.raw, record.id))
            .collect();
        if done.send((chunk.seq, Ok(outcomes))).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_is_placed_in_the_input() {
        assert_eq!(
            located(b"{\"a\":\n tru}", Pos { line: 7, column: 3 }),
            "is not valid JSON (syntax error at line 8, column 5)"
        );
        assert_eq!(
            located(b"{\"a\" 1}", Pos { line: 2, column: 3 }),
            "is not valid JSON (syntax error at line 2, column 8)"
        );
    }

    /// Authvia records `r0`, `r1`, ... with record `repeat` repeating `r0`,
    /// run with two workers; and the stats and the output.
    fn run_refs(count: u64, repeat: u64, size: Option<(u64, Arc<AtomicU64>)>) -> (Stats, String) {
        let options = Options::new("2026-11-22".parse().unwrap());
        let mut job = Job::new(Provider::Authvia, options, OutputFormat::Ndjson);
        job.size = size;
        let records = (0..count).map(|i| {
            let r = if i == repeat { 0 } else { i };
            Ok(Record {
                raw: Raw::Json {
                    text: format!(r#"{{"ref":"r{r}","addresses":["a{i}@example.com"]}}"#).into_bytes(),
                    at: Pos { line: i + 1, column: 1 },
                },
                row: i + 1,
                id: None,
            })
        });
        let mut sinks = crate::files::Sinks::new(Vec::new());
        let (stats, result) = run(job, 2, Box::new(records.collect::<Vec<_>>().into_iter()), &mut sinks, |_| {});
        assert!(result.is_ok());
        (stats, String::from_utf8(sinks.into_stdout()).unwrap())
    }

    #[test]
    fn records_come_out_in_order_with_batch_rules_applied() {
        let (stats, text) = run_refs(2000, 1500, None);
        assert_eq!((stats.records, stats.valid), (2000, 1999));
        for (i, line) in text.lines().enumerate() {
            assert!(line.starts_with(&format!("{{\"record\":{i},")), "{line}");
        }
        assert!(text.lines().nth(1500).unwrap().contains("repeats the ref of line 1;"));
    }

    #[test]
    fn the_guessed_batch_size_changes_no_result() {
        // The reader guesses after SAMPLE records, as if each took 50 bytes of a file.
        let count = SAMPLE + 3000;
        let guessed = (count * 50, Arc::new(AtomicU64::new(SAMPLE * 50)));
        let (stats, text) = run_refs(count, SAMPLE + 2000, Some(guessed));
        assert_eq!((stats.records, stats.valid), (count, count - 1));
        assert_eq!(text, run_refs(count, SAMPLE + 2000, None).1);
        assert!(text
            .lines()
            .nth(usize::try_from(SAMPLE + 2000).unwrap())
            .unwrap()
            .contains("repeats the ref of line 1;"));
    }
}
