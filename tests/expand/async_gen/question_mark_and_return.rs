#[yieldkit::async_gen]
async fn parsed(lines: Vec<String>) -> Result<u32, std::num::ParseIntError> {
    if lines.is_empty() {
        return;
    }
    for line in lines {
        yield_!(Ok(line.trim().parse()?));
    }
}

fn main() {}
