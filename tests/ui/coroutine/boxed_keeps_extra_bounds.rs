// With `boxed`, the bounds after the coroutine trait are kept on the trait object: a
// misspelt one is an error where it is written.
#[yieldkit::coroutine(boxed)]
fn counts() -> impl yieldkit::Coroutine<(), Yield = u8, Return = ()> + NoSuchTrait {
    yield_!(1);
}

fn main() {
    let _ = counts();
}
