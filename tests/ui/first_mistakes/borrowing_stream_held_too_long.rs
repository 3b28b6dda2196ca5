// A stream borrowing its argument, used after the argument changed: the borrow is the
// stream's, as for an `async fn`.
#[yieldkit::async_gen]
async fn chars(s: &str) -> char {
    for c in s.chars() {
        yield_!(c);
    }
}

struct Text(String);

impl Text {
    #[yieldkit::async_gen]
    async fn len(&mut self) -> usize {
        yield_!(self.0.len());
    }
}

fn main() {
    let mut text = String::from("abc");
    let stream = chars(&text);
    text.push('d');
    drop(stream);

    let mut t = Text(String::new());
    let lengths = t.len();
    t.0.push('e');
    drop(lengths);
}
