// A coroutine's `defer!`: its yield resolves to `None` when the coroutine is closed,
// which leaves by the region's exit to `park()`.
#[yieldkit::coroutine(first = first)]
fn summed(log: &std::cell::RefCell<Vec<u32>>) -> impl yieldkit::Coroutine<u32, Yield = u32, Return = u32> {
    let mut total = first;
    defer! {
        log.borrow_mut().push(total);
    }
    loop {
        if total > 100 {
            return total;
        }
        total += yield_!(total);
    }
}

fn main() {}
