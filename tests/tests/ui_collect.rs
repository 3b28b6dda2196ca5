//! Compile-fail tests of `collect!`: each case in `ui/collect/` has a reviewed `.stderr`.

#[test]
fn collect() {
    trybuild::TestCases::new().compile_fail("ui/collect/*.rs");
}
