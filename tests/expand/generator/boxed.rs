#[yieldkit::generator(boxed)]
fn tree(depth: u32) -> u32 {
    yield_!(depth);
    if depth > 0 {
        yield_from!(tree(depth - 1));
    }
}

fn main() {}
