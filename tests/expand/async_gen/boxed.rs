#[yieldkit::async_gen(boxed)]
async fn repeat<'a>(word: &'a str, n: usize) -> &'a str {
    for _ in 0..n {
        yield_!(word);
    }
}

fn main() {}
