//! intake checked against the repository's shared data, which the published
//! crate does not carry: the fixtures (`fixtures/`), the reference corpora of
//! libphonenumber, stdnum and the others, and the committed fuzz seeds and
//! regressions. Everything is in `tests/`; `examples/dump_fixtures.rs` prints
//! the native outputs the npm package's parity test compares with the WASM's.
//!
//! The published `intake` crate's own tests (unit tests and doctests) need no
//! file outside it, so they run from `cargo package`'s unpacked crate too.

// The repository README's Rust example, compiled as a doctest like the crate's own.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
