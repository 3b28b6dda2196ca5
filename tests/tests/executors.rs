//! The same workload under every executor the crate is for: tokio, smol, the
//! `futures` executor, `yieldkit::block_on`, and embassy's (its std platform), which
//! panics on a waker it did not make: the generators hand each poll's waker through
//! untouched, so the workload's wakeups reach the executor that polled it.

use std::sync::mpsc;

use futures::StreamExt;
use yieldkit::{AsyncCoroutine, async_gen, collect, stream};

// The runtime's test fixtures: `PendingOnce` wakes the task through the waker it was
// polled with.
#[path = "../../runtime/tests/common/mod.rs"]
mod common;
use common::PendingOnce;

#[async_gen]
async fn numbers(n: u32) -> u32 {
    for i in 1..=n {
        PendingOnce(false).await;
        yield_!(i);
    }
}

#[async_gen]
async fn doubled_then_more(n: u32) -> u32 {
    #[for_await]
    for x in numbers(n) {
        yield_!(x * 2);
    }
    yield_from!(numbers(2));
}

#[yieldkit::coroutine(first = first)]
async fn running_sum() -> impl AsyncCoroutine<u32, Yield = u32, Return = ()> {
    let mut total = first;
    loop {
        PendingOnce(false).await;
        total += yield_!(total);
    }
}

async fn square(x: u32) -> u32 {
    PendingOnce(false).await;
    x * x
}

/// Streams, a block, a buffered comprehension and an async coroutine, all awaiting
/// futures that wake through the executor's own waker.
async fn workload() -> Vec<u32> {
    let mut out: Vec<u32> = doubled_then_more(3).collect().await;
    let block = stream! {
        for await x in numbers(2) {
            PendingOnce(false).await;
            yield x + 100;
        }
    };
    out.extend(block.collect::<Vec<u32>>().await);
    let squares: Vec<u32> = collect![square(x).await for await x in numbers(3); buffered(2)];
    out.extend(squares);
    let mut sums = std::pin::pin!(running_sum());
    for sent in [1, 2, 3] {
        match sums.as_mut().resume(sent).await {
            yieldkit::CoroutineState::Yielded(total) => out.push(total),
            yieldkit::CoroutineState::Complete(()) => unreachable!("the coroutine loops"),
        }
    }
    out
}

const EXPECTED: [u32; 13] = [2, 4, 6, 1, 2, 101, 102, 1, 4, 9, 1, 3, 6];

#[test]
fn yieldkit_block_on() {
    assert_eq!(yieldkit::block_on(workload()), EXPECTED);
}

#[test]
fn futures_executor() {
    assert_eq!(futures::executor::block_on(workload()), EXPECTED);
}

#[test]
fn tokio_current_thread_and_multi_thread() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(rt.block_on(workload()), EXPECTED);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    assert_eq!(rt.block_on(rt.spawn(workload())).unwrap(), EXPECTED);
}

// smol's reactor makes system calls Miri does not support.
#[cfg(not(miri))]
#[test]
fn smol() {
    assert_eq!(smol::block_on(workload()), EXPECTED);
    let executor = smol::Executor::new();
    let task = executor.spawn(workload());
    assert_eq!(smol::block_on(executor.run(task)), EXPECTED);
}

#[embassy_executor::task]
async fn embassy_task(done: mpsc::Sender<Vec<u32>>) {
    done.send(workload().await).unwrap();
}

// Embassy's std platform runs its executor on a thread that never returns; Miri
// would wait for it.
#[cfg(not(miri))]
#[test]
fn embassy() {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let executor = Box::leak(Box::new(embassy_executor::Executor::new()));
        executor.run(|spawner| spawner.spawn(embassy_task(done).unwrap()));
    });
    assert_eq!(result.recv().unwrap(), EXPECTED);
}
