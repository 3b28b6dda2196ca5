//! Without the `alloc` feature, a generator that would be boxed is one clear error
//! naming the feature and the `unboxed` option.

// trybuild runs rustc: nothing for Miri to check.
#![cfg(not(miri))]

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("ui/*.rs");
}
