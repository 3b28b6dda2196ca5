//! With `::yieldkit` redirected to look-alikes, a captured handle still cannot outlive
//! its body.

// trybuild runs rustc: nothing for Miri to check.
#![cfg(not(miri))]

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("ui/*.rs");
}
