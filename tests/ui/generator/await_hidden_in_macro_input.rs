// An `.await` in the input of another macro, where yieldkit reads it as an expression
// (`matches!`'s first argument) and where it cannot (`select!`-like input, a guard).
async fn one() -> u8 {
    1
}

#[yieldkit::generator]
fn waits() -> bool {
    yield_!(matches!(one().await, 1 if true));
    yield_!(matches!(Some(1), Some(x) if x == one().await));
}

fn main() {
    let _ = waits();
}
