// `?` where the items are not `Result`s: one error per `?`.
#[yieldkit::generator]
fn parsed(words: Vec<String>) -> u32 {
    for w in words {
        let n: u32 = w.parse()?;
        yield_!(n);
    }
}

fn main() {
    let _ = parsed(vec![]);
}
