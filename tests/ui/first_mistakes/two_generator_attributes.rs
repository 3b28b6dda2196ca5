// One function, two generator attributes.
#[agen::async_gen]
#[agen::async_gen]
async fn twice() -> u32 {
    yield_!(1);
}

#[agen::generator]
#[agen::async_gen]
async fn both() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = twice();
    let _ = both();
}
