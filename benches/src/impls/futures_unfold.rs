//! `futures::stream::unfold`, the state threaded by hand through `async` closures.

use futures::stream::{self, StreamExt};
use futures_core::Stream;

pub fn w1<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    stream::unfold(0, move |i| async move { (i < n).then_some((i, i + 1)) })
}

pub fn w2<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    stream::unfold(0, move |i| async move {
        core::future::ready(()).await;
        (i < n).then_some((i, i + 1))
    })
}

pub fn w3<const M: u8>(rows: u64) -> impl Stream<Item = u64> {
    stream::unfold((0, 0), move |(mut i, mut j)| async move {
        while i < rows {
            while j < 1000 {
                let (x, y) = (i, j);
                j += 1;
                if (x ^ y) & 1 == 0 {
                    return Some((x * y, (i, j)));
                }
            }
            i += 1;
            j = 0;
        }
        None
    })
}

/// `unfold` cannot hold a `!Unpin` inner stream without boxing it; the combinator is
/// what one writes instead.
pub fn w4<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    w1::<M>(n).map(|x| x * 2)
}

pub fn w5<const M: u8>(first: u64) -> impl Stream<Item = u64> {
    stream::unfold(
        0,
        move |k| async move { (k < 3).then_some((first + k, k + 1)) },
    )
}
