//! Compile-fail tests: each case in `ui/<topic>/` has a reviewed `.stderr`.

// trybuild runs rustc: nothing for Miri to check.
#![cfg(not(miri))]

#[test]
fn async_gen() {
    trybuild::TestCases::new().compile_fail("ui/async_gen/*.rs");
}

#[test]
fn soundness() {
    trybuild::TestCases::new().compile_fail("ui/soundness/*.rs");
}
