// A generator attribute on something that is not a function.
#[yieldkit::async_gen]
mod streams {}

#[yieldkit::generator]
impl Clone for Foo {}

struct Foo;

fn main() {}
