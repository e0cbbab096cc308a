//! Collecting diagnostics while a profile walks a record.

use crate::{Diagnostic, Fault, Loc, Parsed, Severity};

/// The errors and warnings found so far in one record.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

impl Report {
    #[cold]
    pub fn error(&mut self, loc: &Loc<'_>, fault: Fault) {
        self.errors.push(Diagnostic {
            path: loc.pointer(),
            code: fault.code,
            message: fault.message,
            severity: Severity::Error,
        });
    }

    #[cold]
    pub fn warn(&mut self, loc: &Loc<'_>, fault: Fault) {
        self.warnings.push(Diagnostic {
            path: loc.pointer(),
            code: fault.code,
            message: fault.message,
            severity: Severity::Warning,
        });
    }

    /// Records a rule's warnings and hands back its value.
    pub fn take<T>(&mut self, loc: &Loc<'_>, parsed: Parsed<T>) -> T {
        if parsed.warnings.is_empty() {
            return parsed.value;
        }
        for w in parsed.warnings {
            self.warn(loc, w);
        }
        parsed.value
    }

    /// Records a rule's result: its error, or its warnings and value.
    pub fn accept<T>(&mut self, loc: &Loc<'_>, result: Result<Parsed<T>, Fault>) -> Option<T> {
        match result {
            Ok(parsed) => Some(self.take(loc, parsed)),
            Err(fault) => {
                self.error(loc, fault);
                None
            }
        }
    }

    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }
}
