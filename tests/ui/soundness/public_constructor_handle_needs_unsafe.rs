// Public constructors: a closure handed to `AsyncGen::new` by hand receives a token;
// turning it into a handle is `unsafe`, even in the body future itself.
fn main() {
    let _ = agen::AsyncGen::new(|token: agen::YieldToken<u32>| async move {
        let brand = agen::Brand::new();
        let mut handle = agen::Yielder::new(token, &brand);
        handle.yield_(1).await;
    });
}
