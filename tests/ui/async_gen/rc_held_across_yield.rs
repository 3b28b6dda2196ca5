use std::rc::Rc;

#[yieldkit::async_gen]
async fn f() -> u32 {
    let shared = Rc::new(1);
    yield_!(*shared);
    yield_!(*shared + 1);
}

fn spawn_stream<S: futures_core::Stream + Send + 'static>(_: S) {}

fn main() {
    spawn_stream(f());
}
