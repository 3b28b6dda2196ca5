//! yieldkit, `stream!` blocks.

use futures_core::Stream;

pub fn w1<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    yieldkit::stream! {
        for i in 0..n {
            yield i;
        }
    }
}

pub fn w2<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    yieldkit::stream! {
        for i in 0..n {
            core::future::ready(()).await;
            yield i;
        }
    }
}

pub fn w3<const M: u8>(rows: u64) -> impl Stream<Item = u64> {
    yieldkit::stream! {
        for i in 0..rows {
            for j in 0..1000 {
                if (i ^ j) & 1 == 0 {
                    yield i * j;
                }
            }
        }
    }
}

pub fn w4<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    yieldkit::stream! {
        for await x in w1::<M>(n) {
            yield x * 2;
        }
    }
}

pub fn w5<const M: u8>(first: u64) -> impl Stream<Item = u64> {
    yieldkit::stream! {
        yield first;
        yield first + 1;
        yield first + 2;
    }
}
