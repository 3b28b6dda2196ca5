// `defer!` in a closure or an `async` block inside a generator's body: they are
// separate functions and futures, whose exits the body does not see.

#[yieldkit::async_gen]
async fn numbers() -> u32 {
    let cleanup = || {
        defer! { println!("closure"); }
    };
    cleanup();
    async {
        defer! { println!("async block"); }
    }
    .await;
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
