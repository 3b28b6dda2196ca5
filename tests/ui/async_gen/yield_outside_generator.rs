use agen::yield_;

fn main() {
    yield_!(1);
}
