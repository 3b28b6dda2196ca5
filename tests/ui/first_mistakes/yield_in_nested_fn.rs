// Items inside the body (a nested fn, a `Drop` impl, a local macro) are not part of
// the generator.
#[yieldkit::generator]
fn numbers() -> u32 {
    fn helper() {
        yield_!(1);
    }
    struct Guard;
    impl Drop for Guard {
        fn drop(&mut self) {
            yield_!(2);
        }
    }
    macro_rules! emit {
        ($x:expr) => {
            yield_!($x)
        };
    }
    helper();
    let _guard = Guard;
    emit!(3);
}

fn main() {
    let _ = numbers();
}
