// `defer!` as an expression rather than a statement of a block, and `closable`
// without a boxing option.

#[yieldkit::async_gen]
async fn numbers() -> u32 {
    let _x = defer! { println!("value?"); };
    yield_!(1);
}

#[yieldkit::async_gen(closable)]
async fn unboxed_closable() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = numbers();
    let _ = unboxed_closable();
}
