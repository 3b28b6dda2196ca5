//! Runtime support for `collect!`: the collector, the `try` element check, the
//! bounded-concurrency driver behind `buffered(n)` / `buffer_unordered(n)`, and the
//! adapter that ends a lazy `try` stream at its first error.
//!
//! Everything here is safe code: the in-flight futures are boxed, so nothing is
//! pinned structurally.

// Without `alloc` only the element check and the bindings are here.
#[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
use {
    alloc::sync::Arc,
    core::marker::PhantomData,
    core::sync::atomic::{AtomicBool, Ordering},
};
#[cfg(feature = "alloc")]
use {
    alloc::{boxed::Box, collections::VecDeque, vec::Vec},
    core::fmt,
    core::future::Future,
    core::ops::DerefMut,
    core::pin::Pin,
    core::task::{Context, Poll},
    futures_core::{FusedStream, Stream},
};

/// Builds the comprehension's result from the elements gathered by its loops.
///
/// For a `Vec<T>` target this reuses the buffer (std's `FromIterator` for `Vec`
/// recognises an untouched `vec::IntoIter`), so the eager form costs what a
/// hand-written loop pushing into a `Vec` costs.
#[cfg(feature = "alloc")]
#[doc(hidden)]
#[inline(always)]
pub fn from_vec<T, C: FromIterator<T>>(elements: Vec<T>) -> C {
    elements.into_iter().collect()
}

/// The element of a `try` comprehension: a `Result` (or a `key => Result` pair).
///
/// It exists for its compile error, at the element: "the `try` option needs each
/// element to be a `Result`", with the fix.
#[diagnostic::on_unimplemented(
    message = "the `try` option needs each element to be a `Result` (or a `key => Result` pair), but this element is `{Self}`",
    label = "not a `Result`",
    note = "`collect![f(x) for x in xs; try]` stops at the first `Err`; write the element as a `Result` (`Ok(v)` / `Err(e)`), or drop the `try` option"
)]
pub trait TryElement<T, E> {
    /// The element as a `Result`: `T` is what the collection holds, `E` what the
    /// comprehension returns on failure.
    fn into_result(self) -> Result<T, E>;
}

// The `Ok` and `Err` types are parameters, not associated types: a failed check then
// leaves them unknown instead of as projections of a missing impl, which the compiler
// would report a second time.
#[diagnostic::do_not_recommend]
impl<T, E> TryElement<T, E> for Result<T, E> {
    #[inline(always)]
    fn into_result(self) -> Self {
        self
    }
}

/// `key => value` in a `try` comprehension: the value is the `Result`.
#[diagnostic::do_not_recommend]
impl<K, V, E> TryElement<(K, V), E> for (K, Result<V, E>) {
    #[inline(always)]
    fn into_result(self) -> Result<(K, V), E> {
        let (key, value) = self;
        value.map(|value| (key, value))
    }
}

/// The values a buffered comprehension's element future takes from its clauses.
///
/// It is not `Copy`, and is unwrapped by a by-value method call, so a non-`move`
/// `async` block that unwraps it captures it by value (moving the bindings in) while
/// capturing everything else by reference.
#[doc(hidden)]
#[derive(Debug)]
pub struct Bindings<T>(pub T);

impl<T> Bindings<T> {
    #[doc(hidden)]
    #[inline(always)]
    pub fn into_inner(self) -> T {
        self.0
    }
}

/// Runs the futures a stream produces, at most `limit` at a time, and yields their
/// outputs in source order (`ordered`) or in completion order.
///
/// Each in-flight future is boxed; every poll polls the producer (while there is
/// room) and each in-flight future once, so a poll costs O(`limit`).
#[cfg(feature = "alloc")]
#[doc(hidden)]
pub struct Buffered<P: DerefMut<Target: Stream<Item = F>>, F: Future> {
    /// `None` once the producer has ended.
    producer: Option<Pin<P>>,
    limit: usize,
    ordered: bool,
    /// In source order; in completion order mode, finished entries are removed at once.
    in_flight: VecDeque<Entry<F>>,
}

#[cfg(feature = "alloc")]
enum Entry<F: Future> {
    Running(Pin<Box<F>>),
    /// Finished, waiting for the entries before it (source order only).
    Done(F::Output),
}

// Nothing is pinned structurally: the producer sits behind `Pin<P>` and each future
// behind `Pin<Box<_>>`, so moving a `Buffered` moves only pointers and outputs.
#[cfg(feature = "alloc")]
impl<P: DerefMut<Target: Stream<Item = F>>, F: Future> Unpin for Buffered<P, F> {}

#[cfg(feature = "alloc")]
impl<P: DerefMut<Target: Stream<Item = F>>, F: Future> Buffered<P, F> {
    /// # Panics
    /// If `limit` is 0: nothing could ever run.
    #[doc(hidden)]
    #[track_caller]
    pub fn new(producer: Pin<P>, limit: usize, ordered: bool) -> Self {
        assert!(
            limit > 0,
            "`collect!`: `buffered(n)` / `buffer_unordered(n)` need `n > 0`, got 0"
        );
        Self {
            producer: Some(producer),
            limit,
            ordered,
            in_flight: VecDeque::new(),
        }
    }

    /// Starts futures from the producer while there is room.
    fn fill(&mut self, cx: &mut Context<'_>) {
        while self.in_flight.len() < self.limit {
            let Some(producer) = self.producer.as_mut() else {
                return;
            };
            match producer.as_mut().poll_next(cx) {
                Poll::Ready(Some(future)) => {
                    self.in_flight.push_back(Entry::Running(Box::pin(future)));
                }
                Poll::Ready(None) => self.producer = None,
                Poll::Pending => return,
            }
        }
    }

    fn poll_ordered(&mut self, cx: &mut Context<'_>) -> Option<F::Output> {
        for entry in &mut self.in_flight {
            let Entry::Running(future) = entry else {
                continue;
            };
            if let Poll::Ready(output) = future.as_mut().poll(cx) {
                *entry = Entry::Done(output);
            }
        }
        if matches!(self.in_flight.front(), Some(Entry::Done(_))) {
            match self.in_flight.pop_front() {
                Some(Entry::Done(output)) => return Some(output),
                _ => unreachable!("the front entry was just seen finished"),
            }
        }
        None
    }

    fn poll_unordered(&mut self, cx: &mut Context<'_>) -> Option<F::Output> {
        for index in 0..self.in_flight.len() {
            let Entry::Running(future) = &mut self.in_flight[index] else {
                continue;
            };
            if let Poll::Ready(output) = future.as_mut().poll(cx) {
                // The order of the rest does not matter in this mode.
                self.in_flight.swap_remove_back(index);
                return Some(output);
            }
        }
        None
    }

    /// Ends a `try` comprehension at its first `Err`: drops the futures in flight, then
    /// runs the producer to its end, discarding what it yields. The producer has been
    /// told to stop (it checks a flag after each yield), so it leaves its loops, closing
    /// the sources they own on the way.
    #[doc(hidden)]
    pub fn finish(&mut self) -> impl Future<Output = ()> + '_ {
        core::future::poll_fn(move |cx| self.poll_finish(cx))
    }

    /// [`Buffered::finish`], polled.
    fn poll_finish(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        self.in_flight.clear();
        while let Some(producer) = self.producer.as_mut() {
            match producer.as_mut().poll_next(cx) {
                Poll::Ready(Some(future)) => drop(future),
                Poll::Ready(None) => self.producer = None,
                Poll::Pending => return Poll::Pending,
            }
        }
        Poll::Ready(())
    }

    /// How many futures are running or finished but not yet handed out.
    #[doc(hidden)]
    pub fn in_flight(&self) -> usize {
        self.in_flight.len()
    }
}

#[cfg(feature = "alloc")]
impl<P: DerefMut<Target: Stream<Item = F>>, F: Future> Stream for Buffered<P, F> {
    type Item = F::Output;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<F::Output>> {
        let this = self.get_mut();
        this.fill(cx);
        let output = if this.ordered {
            this.poll_ordered(cx)
        } else {
            this.poll_unordered(cx)
        };
        match output {
            Some(output) => Poll::Ready(Some(output)),
            None if this.in_flight.is_empty() && this.producer.is_none() => Poll::Ready(None),
            // Every running future and (if there was room) the producer registered
            // the waker above.
            None => Poll::Pending,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (low, high) = self
            .producer
            .as_ref()
            .map_or((0, Some(0)), |producer| producer.size_hint());
        let running = self.in_flight.len();
        (
            low.saturating_add(running),
            high.and_then(|high| high.checked_add(running)),
        )
    }
}

#[cfg(feature = "alloc")]
impl<P: DerefMut<Target: Stream<Item = F>>, F: Future> FusedStream for Buffered<P, F> {
    fn is_terminated(&self) -> bool {
        self.producer.is_none() && self.in_flight.is_empty()
    }
}

#[cfg(feature = "alloc")]
impl<P: DerefMut<Target: Stream<Item = F>>, F: Future> fmt::Debug for Buffered<P, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Buffered")
            .field("limit", &self.limit)
            .field("ordered", &self.ordered)
            .field("in_flight", &self.in_flight.len())
            .field("producer_done", &self.producer.is_none())
            .finish()
    }
}

/// A lazy `try` comprehension over a buffered stream: yields `Ok` items, then the
/// first `Err`, then ends. At that `Err` it tells the producer to stop (through `halt`,
/// which the producer checks after each yield) and, before handing the `Err` out,
/// drops the futures in flight and runs the producer to its end
/// ([`Buffered::finish`]), so that it closes the sources it owns.
#[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
#[doc(hidden)]
pub struct UntilErr<P: DerefMut<Target: Stream<Item = F>>, F: Future, T, E> {
    inner: Option<Buffered<P, F>>,
    halt: Arc<AtomicBool>,
    /// The first `Err`, while the producer is run to its end.
    error: Option<E>,
    _result: PhantomData<fn() -> T>,
}

// Nothing is pinned structurally: `Buffered` is `Unpin`, and the error is only moved.
#[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
impl<P: DerefMut<Target: Stream<Item = F>>, F: Future, T, E> Unpin for UntilErr<P, F, T, E> {}

#[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
impl<P: DerefMut<Target: Stream<Item = F>>, F: Future, T, E> UntilErr<P, F, T, E> {
    /// `halt`: the flag the producer checks after each yield.
    #[doc(hidden)]
    #[inline]
    pub fn new(inner: Buffered<P, F>, halt: Arc<AtomicBool>) -> Self {
        Self {
            inner: Some(inner),
            halt,
            error: None,
            _result: PhantomData,
        }
    }
}

#[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
impl<P, F, T, E> Stream for UntilErr<P, F, T, E>
where
    P: DerefMut<Target: Stream<Item = F>>,
    F: Future<Output: TryElement<T, E>>,
{
    type Item = Result<T, E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let Some(inner) = this.inner.as_mut() else {
            return Poll::Ready(None);
        };
        if this.error.is_none() {
            match Pin::new(&mut *inner).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => {
                    this.inner = None;
                    return Poll::Ready(None);
                }
                Poll::Ready(Some(item)) => match item.into_result() {
                    Ok(value) => return Poll::Ready(Some(Ok(value))),
                    Err(error) => {
                        this.halt.store(true, Ordering::Relaxed);
                        this.error = Some(error);
                    }
                },
            }
        }
        match inner.poll_finish(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(()) => {
                this.inner = None;
                Poll::Ready(this.error.take().map(Err))
            }
        }
    }
}

#[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
impl<P, F, T, E> FusedStream for UntilErr<P, F, T, E>
where
    P: DerefMut<Target: Stream<Item = F>>,
    F: Future<Output: TryElement<T, E>>,
{
    fn is_terminated(&self) -> bool {
        self.inner.is_none()
    }
}

#[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
impl<P: DerefMut<Target: Stream<Item = F>>, F: Future, T, E> fmt::Debug for UntilErr<P, F, T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UntilErr")
            .field("done", &self.inner.is_none())
            .field("stopping", &self.error.is_some())
            .finish_non_exhaustive()
    }
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use alloc::vec;
    use alloc::vec::Vec;
    use core::cell::Cell;
    use core::pin::pin;
    use core::sync::atomic::{AtomicUsize, Ordering};

    use futures::StreamExt;
    use futures::executor::block_on;

    use super::*;

    /// A future that is `Pending` `polls` times (waking itself), then `Ready(value)`.
    struct Delay<T> {
        polls: u32,
        value: Option<T>,
        running: &'static AtomicUsize,
    }

    impl<T: Unpin> Future for Delay<T> {
        type Output = T;

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
            if self.polls == 0 {
                self.running.fetch_sub(1, Ordering::SeqCst);
                return Poll::Ready(self.value.take().expect("polled after completion"));
            }
            self.polls -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    fn delays(
        spec: Vec<(u32, u32)>,
        running: &'static AtomicUsize,
        max: &'static AtomicUsize,
    ) -> impl Stream<Item = Delay<u32>> {
        futures::stream::iter(spec).map(move |(polls, value)| {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            max.fetch_max(now, Ordering::SeqCst);
            Delay {
                polls,
                value: Some(value),
                running,
            }
        })
    }

    #[test]
    fn ordered_keeps_source_order_within_the_limit() {
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static MAX: AtomicUsize = AtomicUsize::new(0);
        let producer = pin!(delays(vec![(3, 0), (0, 1), (2, 2), (1, 3)], &RUNNING, &MAX));
        let out: Vec<u32> = block_on(Buffered::new(producer, 2, true).collect());
        assert_eq!(out, [0, 1, 2, 3]);
        assert_eq!(MAX.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn unordered_yields_in_completion_order() {
        static RUNNING: AtomicUsize = AtomicUsize::new(0);
        static MAX: AtomicUsize = AtomicUsize::new(0);
        let producer = pin!(delays(vec![(5, 0), (0, 1), (1, 2)], &RUNNING, &MAX));
        let out: Vec<u32> = block_on(Buffered::new(producer, 3, false).collect());
        assert_eq!(out, [1, 2, 0]);
        assert_eq!(MAX.load(Ordering::SeqCst), 3);
    }

    /// At the first `Err`, `UntilErr` raises the flag, drops the futures in flight and
    /// runs the producer to its end (which, seeing the flag, stops), then hands the
    /// `Err` out and ends.
    #[test]
    fn boxed_producer_and_until_err() {
        let pulled = Cell::new(0);
        let halt = alloc::sync::Arc::new(core::sync::atomic::AtomicBool::new(false));
        let seen = alloc::sync::Arc::clone(&halt);
        let producer = futures::stream::iter([1, 2, -3, 4, 5])
            .take_while(move |_| core::future::ready(!seen.load(Ordering::Relaxed)))
            .map(|x| {
                pulled.set(pulled.get() + 1);
                async move { if x > 0 { Ok(x) } else { Err(x) } }
            });
        let stream = UntilErr::new(Buffered::new(Box::pin(producer), 2, true), halt);
        let out: Vec<Result<i32, i32>> = block_on(stream.collect());
        assert_eq!(out, [Ok(1), Ok(2), Err(-3)]);
        // With two in flight, `4` was started before `-3` finished, and dropped.
        assert_eq!(pulled.get(), 4, "the producer stopped at the flag");
    }

    #[test]
    #[should_panic(expected = "need `n > 0`")]
    fn zero_limit_panics() {
        let producer = pin!(futures::stream::iter([async { 1 }]));
        let _ = Buffered::new(producer, 0, true);
    }
}
