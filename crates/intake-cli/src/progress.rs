//! The progress bar on stderr, for long runs watched from a terminal.
//!
//! It appears only when stderr is a terminal and stdout is not (when results
//! stream to the screen, they are the progress), and only after the run has
//! lasted [`DELAY`]: a short input never flashes a bar. With a file it is a bar
//! of bytes read; with standard input, whose length is unknown, a spinner.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run lasts before the bar appears.
const DELAY: Duration = Duration::from_millis(750);

/// A progress bar that may never show.
pub struct Progress {
    enabled: bool,
    len: Option<u64>,
    read: Arc<AtomicU64>,
    started: Instant,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `len` bytes (unknown for standard input), fed by `read`.
    pub fn new(enabled: bool, len: Option<u64>, read: Arc<AtomicU64>) -> Self {
        Progress { enabled, len, read, started: Instant::now(), bar: None }
    }

    /// Shows how far the run is, once it has lasted long enough.
    pub fn update(&mut self, records: u64) {
        if !self.enabled || (self.bar.is_none() && self.started.elapsed() < DELAY) {
            return;
        }
        let len = self.len;
        let bar = self.bar.get_or_insert_with(|| {
            let (bar, template) = match len {
                Some(len) => (
                    ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr()),
                    "{wide_bar} {bytes}/{total_bytes} {msg} ({eta})",
                ),
                None => {
                    (ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()), "{spinner} {bytes} read {msg}")
                }
            };
            bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()));
            bar
        });
        bar.set_position(self.read.load(Ordering::Relaxed));
        bar.set_message(format!("{records} records"));
    }

    /// Removes the bar, before the summary is printed.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
