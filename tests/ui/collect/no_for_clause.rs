use yieldkit::collect;

fn main() {
    let xs = [1, 2, 3];
    let _: Vec<i32> = collect![xs];
}
