use futures_core::Stream;

async fn parsed(lines: impl Stream<Item = String>) -> Result<Vec<u32>, std::num::ParseIntError> {
    yieldkit::collect![line.parse::<u32>() for await line in lines; try]
}

fn main() {}
