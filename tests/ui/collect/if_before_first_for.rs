use yieldkit::collect;

fn main() {
    let xs = [1, 2, 3];
    let _: Vec<i32> = collect![x if x > 1 for x in xs];
}
