//! yieldkit, `#[async_gen]` functions.

use yieldkit::async_gen;

#[async_gen]
pub async fn w1<const M: u8>(n: u64) -> u64 {
    for i in 0..n {
        yield_!(i);
    }
}

#[async_gen]
pub async fn w2<const M: u8>(n: u64) -> u64 {
    for i in 0..n {
        core::future::ready(()).await;
        yield_!(i);
    }
}

#[async_gen]
pub async fn w3<const M: u8>(rows: u64) -> u64 {
    for i in 0..rows {
        for j in 0..1000 {
            if (i ^ j) & 1 == 0 {
                yield_!(i * j);
            }
        }
    }
}

#[async_gen]
pub async fn w4<const M: u8>(n: u64) -> u64 {
    #[yieldkit::for_await]
    for x in w1::<M>(n) {
        yield_!(x * 2);
    }
}

#[async_gen]
pub async fn w5<const M: u8>(first: u64) -> u64 {
    yield_!(first);
    yield_!(first + 1);
    yield_!(first + 2);
}
