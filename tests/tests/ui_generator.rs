//! Compile-fail tests of `#[generator]`, `iter!` and `#[coroutine]`: each case in
//! `ui/generator/` and `ui/coroutine/` has a reviewed `.stderr`.

// trybuild runs rustc: nothing for Miri to check.
#![cfg(not(miri))]

#[test]
fn generator() {
    trybuild::TestCases::new().compile_fail("ui/generator/*.rs");
}

#[test]
fn coroutine() {
    trybuild::TestCases::new().compile_fail("ui/coroutine/*.rs");
}
