// A `defer!` around a loop with a `?` and a labelled `break`: one region, whose exits
// (the `?`, the close seen at the yield) run the deferred code first.
#[yieldkit::async_gen]
async fn rows(lines: Vec<String>, log: &std::cell::RefCell<Vec<u32>>) -> Result<u32, std::num::ParseIntError> {
    defer! {
        log.borrow_mut().push(0);
    }
    for line in lines {
        yield_!(Ok(line.trim().parse()?));
    }
}

fn main() {}
