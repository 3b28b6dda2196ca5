// A generator attribute on something that is not a function.
#[agen::async_gen]
mod streams {}

#[agen::generator]
impl Clone for Foo {}

struct Foo;

fn main() {}
