#[yieldkit::generator(boxed_local)]
fn words(text: &str) -> &str {
    for word in text.split_whitespace() {
        yield_!(word);
    }
}

fn main() {}
