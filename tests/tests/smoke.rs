use agen::async_gen;
use futures::StreamExt;

#[async_gen]
async fn count(n: u32) -> u32 {
    for i in 0..n {
        yield_!(i);
    }
}

#[async_gen]
async fn parse(xs: &[&str]) -> Result<u32, std::num::ParseIntError> {
    for x in xs {
        let v: u32 = x.parse()?;
        yield_!(Ok(v));
    }
}

#[test]
fn smoke() {
    let v: Vec<u32> = agen::block_on(count(4).collect());
    assert_eq!(v, [0, 1, 2, 3]);
    let input = ["1", "x", "3"];
    let v: Vec<_> = agen::block_on(parse(&input).collect());
    assert_eq!(v.len(), 2);
    let s = agen::stream! {
        for await x in count(3) { yield x * 10; }
    };
    let v: Vec<u32> = agen::block_on(s.collect());
    assert_eq!(v, [0, 10, 20]);
}
