//! The command line's grammar (SPEC.md, "The command line"), parsed by clap.
//!
//! Every value is parsed here, so a bad `--today`, `--flow` or provider id is a
//! clap usage error: a message naming the argument, and exit status 2.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use encoding_rs::Encoding;
use intake::{Date, Flow, Provider};

use crate::input::Mapping;

/// Validate and normalize payment-provider "create customer" records in bulk.
#[derive(Debug, Parser)]
#[command(name = "intake", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a file of records against a provider's profile: one result per record.
    Check(Box<CheckArgs>),
    /// Print every profile and its fields, as JSON.
    Providers,
    /// Print the JSON Schema (draft 2020-12) of a provider's input record.
    Schema(SchemaArgs),
}

/// Arguments of `intake schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// The provider's profile: atoa, paydock, authvia, stax or juicyway.
    #[arg(long, value_parser = parse_provider)]
    pub provider: Provider,
}

/// Arguments of `intake check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The provider's profile: atoa, paydock, authvia, stax or juicyway.
    #[arg(long, value_parser = parse_provider)]
    pub provider: Provider,

    /// Paydock only: force flow 1 (card), 2 (one-time token), 3 (vault token) or
    /// 4 (vault token without gateway id) instead of detecting it per record.
    #[arg(long, value_name = "N", value_parser = parse_flow)]
    pub flow: Option<Flow>,

    /// "Today" for date rules such as card expiry [default: the system clock, UTC].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,

    /// How to read the input; `auto` decides by extension, then by content.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto, help_heading = "Input")]
    pub input_format: InputFormat,

    /// The CSV delimiter: a character, or `tab` [default: `,`, `;` or tab, guessed from the header row].
    #[arg(short, long, value_name = "CHAR", value_parser = parse_delimiter, help_heading = "Input")]
    pub delimiter: Option<u8>,

    /// The text's encoding: utf-8, utf-16le, utf-16be, cp1252, latin1, or another WHATWG label
    /// [default: UTF-8; UTF-16 when the file starts with its byte order mark].
    #[arg(long, value_name = "LABEL", value_parser = crate::input::parse_encoding, help_heading = "Input")]
    pub encoding: Option<&'static Encoding>,

    /// Read table columns as fields: `'First Name=first_name,Email=email'`; join columns into one
    /// field with `+`: `'First Name+Last Name=fullName'`. Repeatable.
    #[arg(long, value_name = "HEADER=FIELD,...", value_parser = Mapping::parse_list, help_heading = "Input")]
    pub map: Vec<Vec<Mapping>>,

    /// A column (a table) or top-level member (JSON) whose value names each record in every output,
    /// such as a customer id.
    #[arg(long, value_name = "NAME", help_heading = "Input")]
    pub id_column: Option<String>,

    /// How to write results [default: pretty when stdout is a terminal, else ndjson].
    #[arg(long, value_enum, help_heading = "Output")]
    pub output: Option<OutputFormat>,

    /// Write nothing to stdout for a valid record: the report shows only the problems.
    #[arg(long, help_heading = "Output")]
    pub only_invalid: bool,

    /// Also write every error and warning to FILE as CSV: row, id, column, severity, code, message.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub errors: Option<PathBuf>,

    /// Also write the normalized payload of every valid record to FILE: CSV when it ends in .csv,
    /// else NDJSON.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub valid: Option<PathBuf>,

    /// Worker threads that validate records, 1 to 256 [default: the number of available cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,

    /// Largest record, in bytes of JSON (a CSV row counts as its JSON) [default: 1048576].
    #[arg(long, value_name = "BYTES")]
    pub max_record_bytes: Option<usize>,

    /// Deepest nesting of arrays and objects in a record [default: 16].
    #[arg(long, value_name = "N")]
    pub max_depth: Option<usize>,

    /// Most items in one array, or members in one object [default: 1000].
    #[arg(long, value_name = "N")]
    pub max_items: Option<usize>,

    /// Longest string, in bytes [default: 10000].
    #[arg(long, value_name = "BYTES")]
    pub max_string: Option<usize>,

    /// The input file; `-` or nothing reads standard input.
    #[arg(value_name = "FILE|-")]
    pub file: Option<PathBuf>,
}

impl CheckArgs {
    /// The record limits: the library's defaults, with any given flag in place.
    pub fn limits(&self) -> intake::Limits {
        let d = intake::Limits::default();
        d.with_max_bytes(self.max_record_bytes.unwrap_or(d.max_bytes))
            .with_max_depth(self.max_depth.unwrap_or(d.max_depth))
            .with_max_items(self.max_items.unwrap_or(d.max_items))
            .with_max_string(self.max_string.unwrap_or(d.max_string))
    }

    /// Every `--map` entry, in order.
    pub fn maps(&self) -> Vec<Mapping> {
        self.map.iter().flatten().cloned().collect()
    }

    /// The input path, or `None` for standard input.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.file.as_deref().filter(|p| p.as_os_str() != "-")
    }
}

/// How the input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By extension (.json, .ndjson, .jsonl, .csv), then by content.
    Auto,
    /// One JSON object, or a JSON array of objects.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// A header row of field paths, then one record per row.
    Csv,
    /// A spreadsheet workbook (.xlsx, .xlsm, .xlsb, .xls, .ods): its first sheet, read as a table.
    Xlsx,
}

/// How results are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON line per record: `{"record":N, ...the outcome...}`.
    Ndjson,
    /// A report for people; never prints the normalized payload (it holds card data).
    Pretty,
}

fn parse_provider(s: &str) -> Result<Provider, String> {
    s.parse().map_err(|e: intake::UnknownProvider| e.to_string())
}

fn parse_flow(s: &str) -> Result<Flow, String> {
    s.trim().parse().ok().and_then(Flow::from_number).ok_or_else(|| "a flow is 1, 2, 3 or 4".to_owned())
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() && s != "\"" && s != "\n" && s != "\r" => Ok(s.as_bytes()[0]),
        _ => Err("a delimiter is one ASCII character such as ; or |, or `tab`".to_owned()),
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse().map_err(|e: intake::DateError| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn values_are_parsed() {
        assert_eq!(parse_flow("3"), Ok(Flow::VaultToken));
        assert!(parse_flow("5").is_err());
        assert!(parse_date("2026-02-30").is_err());
        assert_eq!(parse_provider("Stax"), Ok(Provider::Stax));
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert_eq!(parse_delimiter(";"), Ok(b';'));
        assert!(parse_delimiter(";;").is_err());
    }
}
