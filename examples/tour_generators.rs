//! The generators and coroutines step of the tour.
//!
//! Part of `tour.rs`: `generators()` runs from `main`, `async_coroutines()` inside
//! the async part.

use std::cell::RefCell;
use std::pin::pin;

use yieldkit::{AsyncCoroutine, Coroutine, CoroutineState, generator};

/// A sync generator: an `Iterator`, lazy, borrowing its own locals across yields.
#[generator]
fn primes() -> u64 {
    let mut found: Vec<u64> = Vec::new();
    for n in 2.. {
        // `found` is borrowed across the yield below.
        if found.iter().all(|p| n % p != 0) {
            found.push(n);
            yield_!(n);
        }
    }
}

#[derive(Debug)]
enum Dir {
    File(&'static str),
    Folder(&'static str, Vec<Dir>),
}

/// Recursion through `yield_from!`: the default form boxes once, so it may call itself.
#[generator]
fn paths<'a>(dir: &'a Dir, prefix: String) -> String {
    match dir {
        Dir::File(name) => yield_!(format!("{prefix}{name}")),
        Dir::Folder(name, children) => {
            for child in children {
                yield_from!(paths(child, format!("{prefix}{name}/")));
            }
        }
    }
}

/// A coroutine: receives each new sample, yields the running average, and returns
/// the number of samples when sent `None`.
#[yieldkit::coroutine(first = first)]
fn running_average() -> impl Coroutine<Option<f64>, Yield = f64, Return = usize> {
    let (mut total, mut count) = (0.0, 0);
    let mut sample = first;
    while let Some(x) = sample {
        total += x;
        count += 1;
        sample = yield_!(total / count as f64);
    }
    count
}

/// Delegation (PEP 380): forwards what is sent to a sub-coroutine and gets its result.
#[yieldkit::coroutine(first = first)]
fn two_averages() -> impl Coroutine<Option<f64>, Yield = f64, Return = (usize, usize)> {
    let a = yield_from!(running_average(), first);
    let start = yield_!(f64::NAN); // a separator between the two series
    let b = yield_from!(running_average(), start);
    (a, b)
}

/// The synchronous part of the tour.
pub(crate) fn generators() {
    step!("10. A generator: `#[generator]` returns an Iterator");
    let first: Vec<u64> = primes().take(8).collect();
    println!("first primes: {first:?}");

    step!("11. `iter!`: the block form, with a real `yield`");
    let words = "the quick brown fox";
    let long = yieldkit::iter! {
        for w in words.split(' ') {
            if w.len() > 3 {
                yield w.to_uppercase();
            }
        }
    };
    println!("long words: {:?}", long.collect::<Vec<_>>());

    step!("12. Recursion with `yield_from!`");
    let tree = Dir::Folder(
        "src",
        vec![
            Dir::File("lib.rs"),
            Dir::Folder("docs", vec![Dir::File("intro.md")]),
        ],
    );
    for path in paths(&tree, String::new()) {
        println!("{path}");
    }

    step!("13. A coroutine: values sent in, a value returned");
    let mut avg = pin!(running_average());
    for x in [10.0, 20.0, 60.0] {
        if let CoroutineState::Yielded(a) = avg.as_mut().resume(Some(x)) {
            println!("sent {x:>4}, average now {a}");
        }
    }
    if let CoroutineState::Complete(n) = avg.as_mut().resume(None) {
        println!("closed after {n} samples");
    }

    step!("14. `yield_from!` in a coroutine forwards sends and returns the result");
    let mut both = pin!(two_averages());
    for sent in [Some(1.0), Some(3.0), None, Some(10.0), None] {
        match both.as_mut().resume(sent) {
            CoroutineState::Yielded(avg) if avg.is_nan() => {
                println!("sent {sent:?} -> first series closed; the next sends start the second");
            }
            state => println!("sent {sent:?} -> {state:?}"),
        }
    }
}

/// An async coroutine whose cleanup awaits: `aclose()` runs it, plain drop cannot.
#[yieldkit::coroutine(first = first)]
async fn log_writer(
    log: &RefCell<Vec<String>>,
) -> impl AsyncCoroutine<String, Yield = usize, Return = ()> {
    defer! {
        tokio::task::yield_now().await; // "flush and close the file"
        log.borrow_mut().push("<flushed>".to_owned());
    }
    let mut written = 0;
    let mut line = first;
    loop {
        tokio::task::yield_now().await; // "write" the line
        log.borrow_mut().push(line);
        written += 1;
        line = yield_!(written);
    }
}

/// An async generator holding a "lease" it must give back, awaited, however it ends.
#[yieldkit::async_gen]
async fn leased_rows<'a>(log: &'a RefCell<Vec<String>>) -> u32 {
    log.borrow_mut().push("lease taken".to_owned());
    defer! {
        tokio::task::yield_now().await; // "tell the server"
        log.borrow_mut().push("lease returned".to_owned());
    }
    for row in 0.. {
        yield_!(row);
    }
}

/// Stops early: the loop owns `leased_rows(..)`, so it closes it, awaiting its cleanup.
#[yieldkit::for_await]
async fn first_rows(log: &RefCell<Vec<String>>) -> Vec<u32> {
    let mut rows = Vec::new();
    #[for_await]
    for row in leased_rows(log) {
        if row == 3 {
            break;
        }
        rows.push(row);
    }
    rows
}

/// The async part of the tour (needs a tokio runtime).
pub(crate) async fn async_coroutines() {
    step!("8. Cleanup that awaits: `defer!`, `aclose()`, and loops that close what they own");
    let log = RefCell::new(Vec::new());
    let mut writer = pin!(log_writer(&log));
    for line in ["first", "second"] {
        let state = writer.as_mut().resume(line.to_owned()).await;
        println!("wrote {line:?}: {state:?}");
    }
    writer.as_mut().aclose().await;
    println!("after aclose, the log: {:?}", log.borrow());
    let log = RefCell::new(Vec::new());
    let rows = first_rows(&log).await;
    println!("first rows {rows:?}; the log: {:?}", log.borrow());
}
