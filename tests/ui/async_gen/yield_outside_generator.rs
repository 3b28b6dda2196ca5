use yieldkit::yield_;

fn main() {
    yield_!(1);
}
