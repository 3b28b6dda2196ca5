use yieldkit::collect;

fn main() {
    let xs = [1, 2, 3];
    let _ = collect![x for x in xs; lazy];
}
