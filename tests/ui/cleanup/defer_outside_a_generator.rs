// `defer!` in an ordinary function: it has a meaning only in a generator's body.

fn main() {
    yieldkit::defer! {
        println!("never");
    }
}
