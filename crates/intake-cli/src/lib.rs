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
