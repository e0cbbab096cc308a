//! `intake`: check bulk files of payment-provider "create customer" records.
//!
//! ```text
//! intake check --provider <id> [--flow <n>] [--today YYYY-MM-DD]
//!              [--input-format auto|json|ndjson|csv|xlsx] [-d CHAR] [--encoding LABEL]
//!              [--map 'Header=field,...'] [--id-column NAME]
//!              [--output ndjson|pretty] [--only-invalid] [--errors FILE] [--valid FILE]
//!              [--jobs N] [FILE|-]
//! intake providers
//! intake schema --provider <id>
//! ```
//!
//! Exit status: 0 when every record is valid, 1 when any is invalid, 2 for a
//! usage error or an input that cannot be opened or read. See README.md.

use intake_cli::{args, check, files, input, progress};

use std::fmt::Display;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use clap::{CommandFactory, Parser};
use intake::{Date, Options, Provider};

use args::{CheckArgs, Cli, Command, OutputFormat, SchemaArgs};

/// mimalloc, not the system allocator: a record's outcome is built on a worker
/// thread and freed on the writing one, and glibc's malloc serializes such
/// cross-thread frees (they took 9 % of a `--jobs 2` run, on the writer alone).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Usage errors exit with status 2 here, through clap.
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Providers => providers(),
        Command::Schema(args) => schema(&args),
    }
}

/// Prints the JSON Schema of a profile's input as pretty JSON, like `providers`.
fn schema(args: &SchemaArgs) -> ExitCode {
    let text = intake::json_schema::input_schema(args.provider).to_json_pretty();
    match writeln!(io::stdout().lock(), "{text}") {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            note(format_args!("cannot write the schema: {e}"));
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Prints the catalog as pretty JSON, whatever stdout is: people read it, and
/// tools parse it just as well.
fn providers() -> ExitCode {
    let text = serde_json::to_string_pretty(&intake::catalog::providers()).unwrap_or_default();
    match writeln!(io::stdout().lock(), "{text}") {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            note(format_args!("cannot write the catalog: {e}"));
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    if args.flow.is_some() && args.provider != Provider::Paydock {
        Cli::command()
            .error(clap::error::ErrorKind::ArgumentConflict, "--flow applies only to --provider paydock")
            .exit();
    }
    let mut options = Options::new(args.today.unwrap_or_else(Date::today_utc));
    options.flow = args.flow;
    options.limits = args.limits();
    let stdout = io::stdout();
    let output = args.output.unwrap_or(if stdout.is_terminal() { OutputFormat::Pretty } else { OutputFormat::Ndjson });
    let jobs =
        args.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(256)), usize::from);
    let max_bytes = options.limits.max_bytes;

    let started = Instant::now();
    if args.path().is_none() && io::stdin().is_terminal() {
        note("reading records from standard input (end with Ctrl-D)");
    }
    // Creating an output file truncates it: never the input.
    for output in [&args.errors, &args.valid].into_iter().flatten() {
        if args.path().is_some_and(|input| same_file(input, output)) {
            note(format_args!("{} is the input file; write the results to another file", output.display()));
            return ExitCode::from(2);
        }
    }
    let maps = args.maps();
    let settings = input::Settings {
        format: args.input_format,
        provider: args.provider,
        max_bytes,
        delimiter: args.delimiter,
        encoding: args.encoding,
        maps: &maps,
        id_column: args.id_column.as_deref(),
    };
    let input = match input::open(args.path(), &settings) {
        Ok(input) => input,
        Err(message) => {
            note(message);
            return ExitCode::from(2);
        }
    };
    for line in &input.notes {
        note(line);
    }
    let show_progress = io::stderr().is_terminal() && !stdout.is_terminal();
    let mut progress = progress::Progress::new(show_progress, input.len, Arc::clone(&input.read));
    let layouts = files::Layouts::new(
        args.provider,
        input.unit,
        args.id_column.clone(),
        input.sources,
        args.errors.is_some(),
        args.valid.as_deref(),
    );
    let out = files::Sinks::new(BufWriter::with_capacity(64 * 1024, stdout.lock()));
    let mut out = match out.with_files(&layouts, args.errors.as_deref(), args.valid.as_deref()) {
        Ok(out) => out,
        Err((path, e)) => {
            note(format_args!("cannot write {}: {e}", path.display()));
            return ExitCode::from(2);
        }
    };
    let job = check::Job {
        provider: args.provider,
        options,
        output,
        unit: input.unit,
        id_column: args.id_column.clone(),
        only_invalid: args.only_invalid,
        files: layouts,
        size: input.len.map(|len| (len, Arc::clone(&input.read))),
    };
    let (stats, result) = check::run(job, jobs, input.records, &mut out, |stats| progress.update(stats.records));
    progress.finish();
    let status = ExitCode::from(u8::from(stats.invalid() > 0));
    match result {
        Ok(()) => {}
        // A reader of our output that has seen enough (`| head`): stop quietly.
        // The status still says whether an invalid record was written.
        Err(check::Stop::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => return status,
        Err(check::Stop::Output(e)) => {
            note(format_args!("cannot write the results: {e}"));
            return ExitCode::from(2);
        }
        Err(check::Stop::Threads(e)) => {
            note(format_args!("cannot start a thread: {e}"));
            return ExitCode::from(2);
        }
        Err(check::Stop::Input(e)) => {
            let _ = io::stderr().write_all(stats.render(started.elapsed()).as_bytes());
            note(format_args!("cannot read the input past record {}: {e}", stats.records));
            return ExitCode::from(2);
        }
    }
    let empty = input.empty_rows.load(Ordering::Relaxed);
    if empty > 0 {
        note(format_args!(
            "skipped {empty} empty {} (blank lines, or cells all empty)",
            if empty == 1 { "row" } else { "rows" }
        ));
    }
    let _ = io::stderr().write_all(stats.render(started.elapsed()).as_bytes());
    if stats.records == 0 {
        note("the input holds no records: nothing was checked");
        return ExitCode::from(2);
    }
    status
}

/// Whether two paths name one existing file.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A message on stderr. Not `eprintln!`, which panics when stderr is closed.
fn note(message: impl Display) {
    let _ = writeln!(io::stderr(), "intake: {message}");
}
