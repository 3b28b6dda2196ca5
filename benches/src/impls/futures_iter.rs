//! `futures::stream::iter` over iterators, with `StreamExt` combinators.

use futures::stream::{self, StreamExt};
use futures_core::Stream;

pub fn w1<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    stream::iter(0..n)
}

pub fn w2<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    stream::iter(0..n).then(|i| async move {
        core::future::ready(()).await;
        i
    })
}

pub fn w3<const M: u8>(rows: u64) -> impl Stream<Item = u64> {
    stream::iter((0..rows).flat_map(|i| {
        (0..1000)
            .filter(move |j| (i ^ j) & 1 == 0)
            .map(move |j| i * j)
    }))
}

pub fn w4<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    w1::<M>(n).map(|x| x * 2)
}

pub fn w5<const M: u8>(first: u64) -> impl Stream<Item = u64> {
    stream::iter(first..first + 3)
}
