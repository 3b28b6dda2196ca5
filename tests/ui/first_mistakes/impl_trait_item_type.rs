// An `impl Trait` item type cannot be named by the stream's type.
use std::fmt::Display;

#[yieldkit::async_gen]
async fn shown() -> impl Display {
    yield_!(1);
}

fn main() {
    let _ = shown();
}
