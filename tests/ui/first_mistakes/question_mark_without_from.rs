// `?` on an error that does not convert into the items' error.
#[derive(Debug)]
struct AppError;

#[yieldkit::async_gen]
async fn lines(text: &str) -> Result<u32, AppError> {
    for line in text.lines() {
        let n: u32 = line.parse()?;
        yield_!(Ok(n));
    }
}

fn main() {
    let _ = lines("1");
}
