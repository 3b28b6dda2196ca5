//! Compile-fail tests of `collect!`: each case in `ui/collect/` has a reviewed `.stderr`.

// trybuild runs rustc: nothing for Miri to check.
#![cfg(not(miri))]

#[test]
fn collect() {
    trybuild::TestCases::new().compile_fail("ui/collect/*.rs");
}
