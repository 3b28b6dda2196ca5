use yieldkit::collect;
use std::collections::HashMap;

fn main() {
    let xs = [("a", 1), ("b", 2)];
    let _: HashMap<&str, i32> = collect![k: v for (k, v) in xs];
}
