//! A guided run through yieldkit's features. Run it with `cargo run --example tour`.
//!
//! Each step prints what it shows and the file its code is in; read the source next to
//! the output:
//! - `examples/tour.rs`: steps 1 to 6 (async generators, `#[for_await]`, `stream!`,
//!   `select!`) and 9 (`yieldkit::block_on`);
//! - `examples/tour_collect.rs`: step 7 (comprehensions);
//! - `examples/tour_generators.rs`: steps 8 (async coroutines) and 10 to 14
//!   (generators, `iter!`, coroutines).

use std::collections::HashMap;
use std::time::Duration;

use futures::StreamExt;
use yieldkit::{Stream, async_gen, stream};

/// Prints a step's title and the file its code is in.
macro_rules! step {
    ($title:expr) => {
        println!("\n== {}    [{}]", $title, file!())
    };
}

mod tour_collect;
mod tour_generators;

// --- 1. An async generator -------------------------------------------------------

/// Ticks `n` times, sleeping between ticks: `.await` and `yield_!` in one body.
#[async_gen]
async fn ticks(n: u32, every: Duration) -> u32 {
    for i in 0..n {
        tokio::time::sleep(every).await;
        yield_!(i);
    }
}

// --- 2. Borrowing, methods, errors --------------------------------------------------

struct Inventory {
    stock: HashMap<&'static str, u32>,
}

impl Inventory {
    /// Borrows `self` and `names` for as long as the stream lives; `?` turns a missing
    /// item into the stream's last item.
    #[async_gen]
    async fn lookup<'a>(&'a self, names: &'a [&'a str]) -> Result<(&'a str, u32), String> {
        for name in names {
            let count = self
                .stock
                .get(name)
                .ok_or_else(|| format!("no such item: {name}"))?;
            yield_!(Ok((*name, *count)));
        }
    }
}

// --- 3. Delegation and recursion --------------------------------------------------

#[derive(Debug)]
enum Dir {
    File(&'static str),
    Folder(&'static str, Vec<Dir>),
}

/// Walks a tree: a recursive generator needs `boxed`, which makes its type nameable.
#[async_gen(boxed)]
async fn walk(dir: &Dir, depth: usize) -> String {
    match dir {
        Dir::File(name) => yield_!(format!("{}{name}", "  ".repeat(depth))),
        Dir::Folder(name, children) => {
            yield_!(format!("{}{name}/", "  ".repeat(depth)));
            for child in children {
                yield_from!(walk(child, depth + 1));
            }
        }
    }
}

// --- 4. Consuming streams: `for await` ----------------------------------------------

/// A running total over any stream of numbers.
#[async_gen]
async fn running_total(numbers: impl Stream<Item = u32>) -> u32 {
    let mut total = 0;
    #[for_await]
    for n in numbers {
        total += n;
        yield_!(total);
    }
}

#[yieldkit::for_await]
async fn longest(words: impl Stream<Item = String>) -> Option<String> {
    let mut best: Option<String> = None;
    #[for_await]
    for word in words {
        if best.as_ref().is_none_or(|b| word.len() > b.len()) {
            best = Some(word);
        }
    }
    best
}

// --- 5. Merging sources with select! ------------------------------------------------

/// Merges two channels; `yield_!` works inside `tokio::select!` handlers.
#[async_gen]
async fn merge(
    mut fast: tokio::sync::mpsc::Receiver<&'static str>,
    mut slow: tokio::sync::mpsc::Receiver<&'static str>,
) -> String {
    let (mut fast_open, mut slow_open) = (true, true);
    while fast_open || slow_open {
        tokio::select! {
            msg = fast.recv(), if fast_open => match msg {
                Some(m) => yield_!(format!("fast: {m}")),
                None => fast_open = false,
            },
            msg = slow.recv(), if slow_open => match msg {
                Some(m) => yield_!(format!("slow: {m}")),
                None => slow_open = false,
            },
        }
    }
}

async fn async_tour() {
    step!("1. #[async_gen]: an async fn that yields is a Stream");
    let collected: Vec<u32> = ticks(3, Duration::from_millis(5)).collect().await;
    println!("ticks(3) yielded {collected:?}");
    let lazy = ticks(1, Duration::ZERO);
    println!(
        "calling ticks() ran nothing yet; the stream is {} bytes, on the stack",
        size_of_val(&lazy)
    );

    step!("2. Borrowing arguments, methods, and `?` ending the stream with the error");
    let inventory = Inventory {
        stock: HashMap::from([("apples", 3), ("pears", 0)]),
    };
    let names = ["apples", "pears", "plums", "figs"];
    let mut lookups = std::pin::pin!(inventory.lookup(&names));
    while let Some(item) = lookups.next().await {
        println!("  {item:?}");
    }
    println!("(\"figs\" is never looked up: the error was the last item)");

    step!("3. yield_from! and recursion through #[async_gen(boxed)]");
    let tree = Dir::Folder(
        "src",
        vec![
            Dir::File("lib.rs"),
            Dir::Folder("docs", vec![Dir::File("guide.md")]),
        ],
    );
    let mut lines = walk(&tree, 0);
    while let Some(line) = lines.next().await {
        println!("  {line}");
    }

    step!("4. #[for_await] loops, in generators and in ordinary async fns");
    let totals: Vec<u32> = running_total(futures::stream::iter([5, 10, 20]))
        .collect()
        .await;
    println!("running totals of [5, 10, 20]: {totals:?}");
    let words = futures::stream::iter(["tea", "coffee", "mate"].map(String::from));
    println!("longest word: {:?}", longest(words).await);

    step!("5. stream! blocks: a real `yield` and `for await` on stable");
    let doubled = stream! {
        for await n in ticks(3, Duration::ZERO) {
            yield n * 2;
        }
    };
    println!("doubled: {:?}", doubled.collect::<Vec<_>>().await);

    step!("6. select! inside a generator: merging two channels");
    let (fast_tx, fast_rx) = tokio::sync::mpsc::channel(4);
    let (slow_tx, slow_rx) = tokio::sync::mpsc::channel(4);
    tokio::spawn(async move {
        for m in ["a", "b"] {
            fast_tx.send(m).await.unwrap();
        }
    });
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        slow_tx.send("z").await.unwrap();
    });
    let merged: Vec<String> = merge(fast_rx, slow_rx).collect().await;
    println!("merged: {merged:?}");

    tour_collect::comprehensions().await;
    tour_generators::async_coroutines().await;
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async_tour());

    step!("9. yieldkit::block_on: the smallest executor, no runtime needed");
    let squares: Vec<u64> = yieldkit::block_on(
        stream! {
            for i in 1..=4u64 {
                yield i * i;
            }
        }
        .collect(),
    );
    println!("squares: {squares:?}");

    tour_generators::generators();
}
