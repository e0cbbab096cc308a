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
