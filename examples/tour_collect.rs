//! The `collect!` step of the tour: async comprehensions.
//!
//! Part of `tour.rs`, run inside its async part (it needs tokio's timers).

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::StreamExt;
use yieldkit::{async_gen, collect};

/// A slow source: one post every millisecond.
#[async_gen]
async fn posts() -> (&'static str, Vec<&'static str>) {
    let all = [
        ("intro", vec!["Rust", "Python"]),
        ("draft", vec![]),
        ("async", vec!["rust", "Async"]),
    ];
    for post in all {
        tokio::time::sleep(Duration::from_millis(1)).await;
        yield_!(post);
    }
}

async fn word_count(title: &str) -> Result<usize, String> {
    tokio::time::sleep(Duration::from_millis(2)).await;
    if title.is_empty() {
        Err("empty title".to_owned())
    } else {
        Ok(title.len())
    }
}

/// Python's comprehensions, async ones included, as `collect!`.
pub(crate) async fn comprehensions() {
    step!("7. collect!: list, set and dict comprehensions with `for await`");

    // [t.lower() async for (title, tags) in posts() for t in tags]
    let tags: HashSet<String> =
        collect![t.to_lowercase() for await (_, tags) in posts() for t in tags];
    let mut tags: Vec<_> = tags.into_iter().collect();
    tags.sort();
    println!("tags (a set): {tags:?}");

    // {title: await word_count(title) async for (title, tags) in posts() if tags}
    // `?` would return from this function, as in a hand-written loop; `try` collects
    // `Result`s instead and stops at the first `Err`.
    let counts: Result<BTreeMap<&str, usize>, String> = collect![
        word_count(title).await.map(|n| (title, n))
        for await (title, tags) in posts()
        if !tags.is_empty();
        try
    ];
    println!("word counts (a map, or the first error): {counts:?}");

    // A generator expression: lazy, the first iterable evaluated at once.
    let squares = collect![x * x for x in 1u64.. if x % 3 == 0; iter];
    println!(
        "first lazy squares: {:?}",
        squares.take(4).collect::<Vec<_>>()
    );

    // (title async for (title, tags) in posts() if tags): a lazy `Stream`.
    let tagged = collect![title for await (title, tags) in posts() if !tags.is_empty(); stream];
    println!(
        "tagged posts (lazy stream): {:?}",
        tagged.collect::<Vec<_>>().await
    );

    // Bounded concurrency, which Python needs `gather` / `as_completed` for.
    let running = AtomicUsize::new(0);
    let peak = AtomicUsize::new(0);
    let titles = ["a", "bb", "ccc", "dddd", "eeeee", "ffffff"];
    let lens: Vec<usize> = collect![
        {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            let n = word_count(title).await.unwrap_or(0);
            running.fetch_sub(1, Ordering::SeqCst);
            n
        }
        for title in titles;
        buffered(3)
    ];
    println!(
        "lengths in source order {lens:?}, with up to {} requests in flight",
        peak.load(Ordering::SeqCst)
    );
}
