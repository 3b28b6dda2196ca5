// A `#[for_await]` loop in an `async` block of a body: a region of the block's own,
// whose `return` and `?` leave the block (closing the stream first), never the body.
#[yieldkit::async_gen]
async fn sums(
    s: impl futures_core::Stream<Item = Result<u32, String>>,
) -> Result<u32, String> {
    let total = async {
        let mut total = 0;
        #[for_await]
        for x in s {
            if x? == 0 {
                return Ok(total);
            }
            total += 1;
        }
        Ok(total)
    }
    .await;
    yield_!(total);
}

fn main() {}
