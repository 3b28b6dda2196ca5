// With `boxed`, the bounds after the coroutine trait are kept on the trait object: a
// misspelt one is an error where it is written.
#[agen::coroutine(boxed)]
fn counts() -> impl agen::Coroutine<(), Yield = u8, Return = ()> + NoSuchTrait {
    yield_!(1);
}

fn main() {
    let _ = counts();
}
