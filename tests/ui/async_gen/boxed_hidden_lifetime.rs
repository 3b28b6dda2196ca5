// `boxed` sees the lifetimes a signature writes: one a type hides is pointed at, with
// the way to write it.
use yieldkit::async_gen;

#[async_gen(boxed)]
async fn chars(c: std::str::Chars, n: usize) -> char {
    for x in c.take(n) {
        yield_!(x);
    }
}

fn main() {}
