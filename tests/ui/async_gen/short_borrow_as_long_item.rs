// The async-stream #107 hole: a yielder that is covariant in the item type would let
// a borrow of a local escape as a longer-lived item.
#[yieldkit::async_gen]
async fn f<'a>(_: &'a str) -> &'a str {
    let local = String::from("short-lived");
    yield_!(&local);
}

fn main() {
    let _ = f("x");
}
