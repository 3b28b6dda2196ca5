// An `.await` in the input of another macro, where agen reads it as an expression
// (`matches!`'s first argument) and where it cannot (`select!`-like input, a guard).
async fn one() -> u8 {
    1
}

#[agen::generator]
fn waits() -> bool {
    yield_!(matches!(one().await, 1 if true));
    yield_!(matches!(Some(1), Some(x) if x == one().await));
}

fn main() {
    let _ = waits();
}
