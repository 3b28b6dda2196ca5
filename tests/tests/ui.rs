//! Compile-fail tests: every case in `ui/<topic>/` (one folder per form, plus
//! `soundness/` for the attacks on the yield handle) has a `.stderr` a person read
//! before it was committed. Regenerate with `TRYBUILD=overwrite`, then read the diff.

// trybuild runs rustc: nothing for Miri to check.
#![cfg(not(miri))]

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("ui/*/*.rs");
}
