// Independent mistakes in one comprehension are all reported, each at its token.
use yieldkit::collect;

fn main() {
    let xs = vec![1, 2, 3];
    let _ = collect![x for x in xs if; bogus, stream, iter];
}
