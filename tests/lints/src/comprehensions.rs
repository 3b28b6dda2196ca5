//! `collect!` in every form under the crate's strict lints.

use std::collections::HashMap;

use futures_core::Stream;
use yieldkit::collect;

/// Eager, with a filter and a map target.
#[must_use]
pub fn squares_by_root(xs: &[u32]) -> HashMap<u32, u32> {
    collect![x => x * x for &x in xs if x % 2 == 0]
}

/// Lazy: an iterator and a stream.
pub fn lazy(xs: Vec<u32>) -> (impl Iterator<Item = u32>, impl Stream<Item = u32>) {
    let again = xs.clone();
    (
        collect![x + 1 for x in xs; iter],
        collect![x + 2 for x in again; stream],
    )
}

/// Awaits in the element, with bounded concurrency, stopping at the first error.
///
/// # Errors
/// The first element that fails.
pub async fn parsed(words: Vec<String>) -> Result<Vec<u32>, std::num::ParseIntError> {
    collect![async_parse(w).await for w in words; buffered(2), try]
}

/// A lazy `try` stream of futures run two at a time, in source order.
pub fn parsed_lazily_buffered(
    words: Vec<String>,
) -> impl Stream<Item = Result<u32, std::num::ParseIntError>> {
    collect![async_parse(w).await for w in words; stream, buffered(2), try]
}

/// A lazy stream of futures run two at a time, in completion order.
pub fn doubled(xs: Vec<u32>) -> impl Stream<Item = u32> {
    collect![double(x).await for x in xs; stream, buffer_unordered(2)]
}

async fn async_parse(word: String) -> Result<u32, std::num::ParseIntError> {
    core::future::ready(()).await;
    word.parse()
}

async fn double(x: u32) -> u32 {
    core::future::ready(()).await;
    x * 2
}

/// `try` in the eager and lazy forms, over one source and over two nested ones: each
/// closes the generators it iterates at the first error.
///
/// # Errors
/// The first word that is not a number.
pub fn parsed_eagerly(words: &[&str]) -> Result<Vec<u32>, std::num::ParseIntError> {
    collect![w.parse::<u32>() for w in words.iter().copied(); try]
}

/// As [`parsed_eagerly`], lazily, and across two clauses.
pub fn parsed_lazily<'a>(
    lines: &'a [Vec<&'a str>],
) -> (
    impl Iterator<Item = Result<u32, std::num::ParseIntError>> + 'a,
    impl Stream<Item = Result<u32, std::num::ParseIntError>> + 'a,
) {
    (
        collect![w.parse::<u32>() for line in lines for w in line.iter().copied(); iter, try],
        collect![w.parse::<u32>() for w in lines.iter().flatten().copied(); stream, try],
    )
}
