#[yieldkit::async_gen]
async fn f(items: Vec<u32>) -> u32 {
    items.iter().for_each(|x| {
        yield_!(*x);
    });
}

fn main() {
    let _ = f(vec![]);
}
