//! Counting results for the summary printed on stderr at the end of a run.

use std::collections::HashMap;
use std::time::Duration;

use intake::{Code, Outcome};

/// How many error codes, and warning codes, the summary names.
const TOP: usize = 5;

/// What a run has seen so far.
#[derive(Debug, Default)]
pub struct Stats {
    /// Records read.
    pub records: u64,
    /// Valid records.
    pub valid: u64,
    /// Warnings, over every record.
    pub warnings: u64,
    /// Errors by code, over every record.
    errors: HashMap<Code, u64>,
    /// Warnings by code, over every record.
    warned: HashMap<Code, u64>,
}

impl Stats {
    /// Counts one record's outcome.
    pub fn add<T>(&mut self, outcome: &Outcome<T>) {
        self.records += 1;
        self.valid += u64::from(outcome.valid);
        self.warnings += outcome.warnings.len() as u64;
        for d in &outcome.errors {
            *self.errors.entry(d.code).or_default() += 1;
        }
        for d in &outcome.warnings {
            *self.warned.entry(d.code).or_default() += 1;
        }
    }

    /// Invalid records.
    pub const fn invalid(&self) -> u64 {
        self.records - self.valid
    }

    /// The summary, a few lines for a person.
    pub fn render(&self, elapsed: Duration) -> String {
        let mut out = format!(
            "intake: {}: {} valid, {} invalid; {}\n",
            count(self.records, "record", "records"),
            self.valid,
            self.invalid(),
            count(self.warnings, "warning", "warnings"),
        );
        for (what, counts) in [("errors", &self.errors), ("warnings", &self.warned)] {
            if counts.is_empty() {
                continue;
            }
            let mut top: Vec<_> = counts.iter().collect();
            // Most frequent first; ties by code, so the line is stable.
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.as_str().cmp(b.0.as_str())));
            let top: Vec<String> = top.iter().take(TOP).map(|(code, n)| format!("{code} ({n})")).collect();
            out.push_str(&format!("intake: top {what}: {}\n", top.join(", ")));
        }
        let secs = elapsed.as_secs_f64();
        let rate = if secs > 0.0 { self.records as f64 / secs } else { 0.0 };
        out.push_str(&format!("intake: {secs:.2} s, {rate:.0} records/s\n"));
        out
    }
}

fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_names_the_top_error_codes() {
        let options = intake::Options::new("2026-11-22".parse().unwrap());
        let mut stats = Stats::default();
        for record in [serde_json::json!({}), serde_json::json!({"company": "Acme", "x": 1})] {
            stats.add(&intake::validate(intake::Provider::Stax, &record, &options));
        }
        let text = stats.render(Duration::from_secs(2));
        assert!(text.starts_with("intake: 2 records: 1 valid, 1 invalid; 1 warning\n"), "{text}");
        assert!(text.contains("top errors: record.one_of_required (1)\n"), "{text}");
        assert!(text.contains("top warnings: field.unknown (1)\n"), "{text}");
        assert!(text.contains("2.00 s, 1 records/s"), "{text}");
    }
}
