//! A minimal single-future executor.

use std::future::IntoFuture;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// Runs a future to completion on the current thread and returns its output.
///
/// The thread sleeps (`std::thread::park`) while the future is `Pending` and wakes
/// when the future's waker is called, from any thread. It is the smallest executor
/// that works with yieldkit's streams; yieldkit itself works under any executor (tokio,
/// async-std, smol, embassy, `futures::executor`).
///
/// ```
/// use futures::StreamExt;
///
/// #[yieldkit::async_gen]
/// async fn countdown(from: u32) -> u32 {
///     for i in (1..=from).rev() {
///         yield_!(i);
///     }
/// }
///
/// let total = yieldkit::block_on(async {
///     let mut sum = 0;
///     let mut stream = std::pin::pin!(countdown(3));
///     while let Some(i) = stream.next().await {
///         sum += i;
///     }
///     sum
/// });
/// assert_eq!(total, 6);
/// ```
///
/// Do not call it from inside another executor's task: it blocks that task's thread.
pub fn block_on<F: IntoFuture>(future: F) -> F::Output {
    let mut future = pin!(future.into_future());
    let parker = Arc::new(Parker {
        thread: thread::current(),
        notified: AtomicBool::new(false),
    });
    let waker = Waker::from(Arc::clone(&parker));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
        // `park` may return spuriously: sleep until a wake really happened.
        while !parker.notified.swap(false, Ordering::Acquire) {
            thread::park();
        }
    }
}

struct Parker {
    thread: Thread,
    notified: AtomicBool,
}

impl Wake for Parker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if !self.notified.swap(true, Ordering::Release) {
            self.thread.unpark();
        }
    }
}
