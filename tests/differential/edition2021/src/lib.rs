//! yieldkit's differential property test, in edition 2021: the same generator as
//! `yieldkit-differential` (its build script includes `../src/generate.rs`), its programs
//! compiled as edition-2021 code. See the documentation of `yieldkit-differential`.
