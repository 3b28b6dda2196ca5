//! The runtime type behind `#[generator]` and `iter!`: a synchronous generator.
//!
//! It is the async generator's state machine ([`AsyncGen`]) driven with a no-op waker:
//! the body is an `async` block whose only suspension points are its yields (the macros
//! reject `.await` in a sync generator's body), so every poll ends either at a yield,
//! with the value in the slot, or at the end of the body.
//!
//! Like any async block, the body may keep borrows of its own locals across yields, so
//! the generator must not move once started: it is `!Unpin`. The macros therefore hand
//! it out pinned, and [`Iterator`] is implemented for the pinned forms:
//! `Pin<Box<Generator<..>>>` (the default, one allocation per generator),
//! `Pin<&mut Generator<..>>` (the `unboxed` option, after `core::pin::pin!`), and the
//! boxed trait objects `Pin<Box<dyn PinIterator<Item = T> + 'a>>` (the `boxed` options).

use core::fmt;
use core::future::Future;
use core::iter::FusedIterator;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use crate::async_gen::AsyncGen;
use crate::close::AsyncClose;
use crate::handle::YieldToken;

/// The body of a synchronous generator: a closure that receives the token for the
/// generator's slot and returns the body's future.
///
/// Implemented for every such closure; it exists so that a generator's type can be
/// written with one opaque type (`Generator<T, impl GenBody<T>>`).
pub trait GenBody<T>: FnOnce(YieldToken<T>) -> Self::Future {
    /// The body's state machine.
    type Future: Future<Output = ()>;
}

impl<T, F, Fut> GenBody<T> for F
where
    F: FnOnce(YieldToken<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    type Future = Fut;
}

/// An iterator that must be pinned before it is advanced, as a generator that borrows
/// its own locals across yields must.
///
/// `Pin<Box<dyn PinIterator<Item = T> + 'a>>` (and its `+ Send` form) is an
/// [`Iterator`]: the `boxed` options of `#[generator]` return it.
pub trait PinIterator {
    /// The type of the values yielded.
    type Item;

    /// Runs the body to its next yield; `None` once it has finished.
    fn next(self: Pin<&mut Self>) -> Option<Self::Item>;

    /// Closes the generator: see [`Generator::close`].
    fn close(self: Pin<&mut Self>);
}

/// A synchronous generator: an iterator over the values its body yields.
///
/// Made by `#[generator]` and `iter!`; not constructed by hand. It is `!Unpin` (its
/// body may borrow its own locals across yields), so it is iterated pinned:
/// `Pin<Box<Generator<..>>>` and `Pin<&mut Generator<..>>` are [`Iterator`]s.
pub struct Generator<T, B: GenBody<T>> {
    inner: AsyncGen<T, B, B::Future>,
}

impl<T, B: GenBody<T>> Generator<T, B> {
    /// Wraps a body closure. It is called on the first `next()`, never before, with a
    /// token for this generator's slot (see [`YieldToken`]).
    #[inline(always)]
    pub const fn new(body: B) -> Self {
        Self {
            inner: AsyncGen::new(body),
        }
    }

    /// Runs the body to its next yield.
    ///
    /// # Panics
    /// If the body is `Pending` without having yielded, which only a future awaited in
    /// the body can cause (the macros reject `.await` in a generator body); and, once,
    /// with the body's own panic. Either way the generator is finished afterwards.
    #[inline]
    pub fn resume_next(self: Pin<&mut Self>) -> Option<T> {
        // SAFETY: `inner` is pinned structurally: it is never moved out of `self`.
        let mut inner = unsafe { self.map_unchecked_mut(|this| &mut this.inner) };
        let mut cx = Context::from_waker(Waker::noop());
        match inner.as_mut().step(&mut cx) {
            Poll::Ready(item) => item,
            Poll::Pending => {
                // Never resumed again: the body is dropped and the generator finished.
                inner.finish();
                awaited_in_sync_generator()
            }
        }
    }

    /// Whether the body has finished: every later `next()` returns `None`.
    pub fn is_finished(&self) -> bool {
        self.inner.is_done()
    }

    /// Closes the generator (Python's `close()`): the body, suspended at a `yield_!`,
    /// leaves from it as if by `return`, running its `defer!` blocks; an unstarted or
    /// finished generator is only marked finished. Afterwards `next()` returns `None`.
    ///
    /// The boxed iterators `#[generator]` and `iter!` return close through
    /// [`Close`](crate::Close); an unboxed generator closes through its pin:
    /// `g.as_mut().close()`.
    ///
    /// # Panics
    /// If the body yields again once it has been told to close, or awaits (see
    /// [`Generator::resume_next`]); the generator is finished first.
    pub fn close(self: Pin<&mut Self>) {
        // SAFETY: `inner` is pinned structurally (see `resume_next`).
        let mut inner = unsafe { self.map_unchecked_mut(|this| &mut this.inner) };
        let mut cx = Context::from_waker(Waker::noop());
        if inner.as_mut().poll_close(&mut cx).is_pending() {
            inner.finish();
            awaited_in_sync_generator();
        }
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn awaited_in_sync_generator() -> ! {
    panic!(
        "a synchronous generator's body awaited a future that was not ready; a generator \
         cannot await: use `#[yieldkit::async_gen]` / `stream!` for a body that awaits"
    )
}

impl<T, B: GenBody<T>> PinIterator for Generator<T, B> {
    type Item = T;

    #[inline]
    fn next(self: Pin<&mut Self>) -> Option<T> {
        self.resume_next()
    }

    fn close(self: Pin<&mut Self>) {
        Generator::close(self);
    }
}

impl<T, B: GenBody<T>> Iterator for Pin<&mut Generator<T, B>> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        self.as_mut().resume_next()
    }
}

impl<T, B: GenBody<T>> FusedIterator for Pin<&mut Generator<T, B>> {}

#[cfg(feature = "alloc")]
mod boxed {
    use alloc::boxed::Box;
    use core::iter::FusedIterator;
    use core::pin::Pin;

    use super::{GenBody, Generator, PinIterator};
    use crate::close::Close;

    impl<T, B: GenBody<T>> Iterator for Pin<Box<Generator<T, B>>> {
        type Item = T;

        #[inline]
        fn next(&mut self) -> Option<T> {
            self.as_mut().resume_next()
        }
    }

    impl<T, B: GenBody<T>> FusedIterator for Pin<Box<Generator<T, B>>> {}

    impl<T, B: GenBody<T>> Close for Pin<Box<Generator<T, B>>> {
        fn close(&mut self) {
            self.as_mut().close();
        }
    }

    impl<T> Close for Pin<Box<dyn PinIterator<Item = T> + '_>> {
        fn close(&mut self) {
            self.as_mut().close();
        }
    }

    impl<T> Close for Pin<Box<dyn PinIterator<Item = T> + Send + '_>> {
        fn close(&mut self) {
            self.as_mut().close();
        }
    }

    impl<T> Iterator for Pin<Box<dyn PinIterator<Item = T> + '_>> {
        type Item = T;

        #[inline]
        fn next(&mut self) -> Option<T> {
            self.as_mut().next()
        }
    }

    impl<T> Iterator for Pin<Box<dyn PinIterator<Item = T> + Send + '_>> {
        type Item = T;

        #[inline]
        fn next(&mut self) -> Option<T> {
            self.as_mut().next()
        }
    }
}

impl<T, B: GenBody<T>> fmt::Debug for Generator<T, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Generator")
            .field("finished", &self.is_finished())
            .finish_non_exhaustive()
    }
}

/// Without the `alloc` feature, what `Box::pin` names in an expansion that boxes its
/// generator (the default `#[generator]`, `iter!`, the `boxed` options): a trait no type
/// implements, so the one error says which feature or option to use.
#[cfg(not(feature = "alloc"))]
#[diagnostic::on_unimplemented(
    message = "this generator is boxed, which needs yieldkit's `alloc` feature",
    label = "boxed here",
    note = "enable the feature (`yieldkit = {{ version = \"..\", default-features = false, features = [\"alloc\"] }}`), or, without an allocator, write a `#[generator(unboxed)]` function (an `iter!` block is always boxed) and pin what it returns (`core::pin::pin!`)"
)]
pub trait Box {
    /// Never called: no type implements the trait.
    fn pin<'a>(self) -> Unallocated<'a, Self>
    where
        Self: Sized + 'a;
}

/// Without the `alloc` feature, what [`Box::pin`] would return: an iterator, so that
/// the missing feature is the only error. Never made.
#[cfg(not(feature = "alloc"))]
#[doc(hidden)]
#[derive(Debug)]
pub struct Unallocated<'a, G>(Pin<&'a mut G>);

#[cfg(not(feature = "alloc"))]
impl<T, B: GenBody<T>> Iterator for Unallocated<'_, Generator<T, B>> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.0.as_mut().next()
    }
}

#[cfg(not(feature = "alloc"))]
impl<T, B: GenBody<T>> FusedIterator for Unallocated<'_, Generator<T, B>> {}

#[cfg(not(feature = "alloc"))]
impl<T, B: GenBody<T>> crate::close::Close for Unallocated<'_, Generator<T, B>> {
    fn close(&mut self) {
        self.0.as_mut().close();
    }
}
