#[yieldkit::async_gen(boxed_local)]
async fn shared(value: std::rc::Rc<u32>) -> u32 {
    yield_!(*value);
}

fn main() {}
