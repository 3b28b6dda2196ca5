use std::collections::HashMap;

fn main() {
    let xs = vec![1u32, 2, 3, 4];
    let _: Vec<u32> = yieldkit::collect![x * x for x in &xs if x % 2 == 0];
    let _: HashMap<u32, u32> = yieldkit::collect![x => x * 10 for &x in &xs let y = x + 1 if y > 2];
}
