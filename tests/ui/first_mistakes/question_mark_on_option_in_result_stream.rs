// `?` on an `Option` where the items are `Result`s.
use std::collections::HashMap;

#[yieldkit::generator]
fn lookups<'a>(map: &'a HashMap<&str, u32>, keys: &'a [&str]) -> Result<u32, String> {
    for k in keys {
        let v = map.get(k)?;
        yield_!(Ok(*v));
    }
}

fn main() {
    let _ = lookups(&HashMap::new(), &[]);
}
