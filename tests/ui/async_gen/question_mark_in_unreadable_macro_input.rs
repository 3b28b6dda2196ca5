// A `?` yieldkit cannot rewrite (in a `matches!` guard, which is not an expression) is
// reported with what to do instead.
#[yieldkit::async_gen]
async fn f(words: Vec<String>) -> Result<bool, std::num::ParseIntError> {
    for word in words {
        yield_!(Ok(matches!(Some(1u32), Some(x) if x == word.parse::<u32>()?)));
    }
}

fn main() {
    let _ = f(Vec::new());
}
