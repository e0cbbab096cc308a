//! The `intake` command line's parts, as a library: the binary (`src/main.rs`)
//! wires them together, and the fuzz target and tests reach the readers directly.
//! Not a stable API: servers use the `intake` crate.

pub mod args;
pub mod check;
pub mod damage;
pub mod files;
pub mod fuzzing;
pub mod input;
pub mod output;
pub mod progress;
pub mod summary;

/// The core's answer for one record; its payload borrows from the record's
/// text (`'p`) until [`intake::Outcome::into_owned`] copies it.
pub type Outcome<'p> = intake::Outcome<intake::Valid<intake::Payload<'p>>>;

/// A record's outcome once its lines are rendered, for the batch rules that
/// come after: its payload is kept (owning its text) only when a rule may
/// render it again ([`intake::Batch::keeps_valid`]); else it is `None`, and
/// nothing of the record is copied.
pub type Kept = intake::Outcome<Option<intake::Valid<intake::Payload<'static>>>>;

/// The typed payload of an outcome's `normalized`, for the `--valid` file.
pub trait HasPayload {
    /// The payload, if there is one.
    fn payload(&self) -> Option<&intake::Payload<'_>>;
}

impl HasPayload for intake::Valid<intake::Payload<'_>> {
    fn payload(&self) -> Option<&intake::Payload<'_>> {
        Some(self)
    }
}

impl HasPayload for Option<intake::Valid<intake::Payload<'_>>> {
    fn payload(&self) -> Option<&intake::Payload<'_>> {
        self.as_deref()
    }
}
