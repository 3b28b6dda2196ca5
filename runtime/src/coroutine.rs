//! Coroutines: generators that receive a value at each resume and return a value at the
//! end (Python's `send()` / `asend()` and `return value`).
//!
//! The traits here mirror `core::ops::Coroutine` and `CoroutineState` (unstable in
//! std), so code written against them can move to std once it is stable.
//!
//! The runtime types, [`Co`] (sync, driven with a no-op waker) and [`AsyncCo`] (async,
//! driven with the caller's context), are one state machine (`state.rs`) built like the
//! async generator: the body in a `BodyCell`, and two one-value slots inside the pinned
//! struct, one for the value the body yields and one for the value the consumer sends
//! back. The body reaches them through a [`CoYielder`]; its soundness argument is the
//! one in `handle.rs`.

mod adapters;
mod co;
mod support;

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::ops::DerefMut;
use core::pin::Pin;
use core::task::{Context, Poll};

pub use self::adapters::{CoroutineIter, CoroutineStream};
pub use self::co::{AsyncCo, Co};
pub use self::support::{DelegateWithoutFirst, UnnamedFirstResume, dead};

/// What a resume produced: the coroutine yielded a value, or it finished and returned
/// one. Mirrors `core::ops::CoroutineState`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum CoroutineState<Y, R> {
    /// The coroutine suspended with a value (Python: `send()` returned it).
    Yielded(Y),
    /// The coroutine finished with a value (Python: `StopIteration.value`).
    Complete(R),
}

/// A coroutine: resumed with a value of type `R`, it runs to its next yield or to its
/// end. Mirrors `core::ops::Coroutine`.
///
/// Resuming a coroutine that has completed panics.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a coroutine taking `{R}`",
    label = "not a `Coroutine<{R}>`",
    note = "`#[yieldkit::coroutine] fn` makes coroutines (written with `yieldkit::`: a bare `#[coroutine]` is the compiler's own attribute); a delegating `yield_from!` needs one with the same sent type"
)]
pub trait Coroutine<R = ()> {
    /// The type of the values the coroutine yields.
    type Yield;
    /// The type of the value the coroutine returns when it finishes.
    type Return;

    /// Sends `arg` in and runs the coroutine to its next yield or to its end.
    ///
    /// The first resume starts the body and delivers `arg` to it (an `#[coroutine]`
    /// function names it with its `first` option); each later `arg` becomes the value
    /// of the `yield_!` the body is suspended at.
    ///
    /// # Panics
    /// When the coroutine has already returned `Complete` (or panicked), or is being
    /// closed.
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return>;

    /// Closes the coroutine (Python's `close()`): the body, suspended at a `yield_!`,
    /// leaves from it as if by `return`, running its `defer!` blocks; an unstarted or
    /// finished coroutine is only marked finished. Any later `resume` panics.
    ///
    /// The default does nothing: a coroutine without cleanup of its own is dropped.
    ///
    /// # Panics
    /// If the body yields again once it has been told to close.
    fn close(self: Pin<&mut Self>) {}
}

/// Any pinned pointer to a coroutine (`Pin<&mut G>`, `Pin<Box<G>>`) is one.
// Not listed in errors about a type that is not a coroutine (they would point
// into this file).
#[diagnostic::do_not_recommend]
impl<P, R> Coroutine<R> for Pin<P>
where
    P: DerefMut<Target: Coroutine<R>>,
{
    type Yield = <P::Target as Coroutine<R>>::Yield;
    type Return = <P::Target as Coroutine<R>>::Return;

    #[inline]
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Self::Yield, Self::Return> {
        self.as_deref_mut().resume(arg)
    }

    fn close(self: Pin<&mut Self>) {
        self.as_deref_mut().close();
    }
}

// Not listed in errors about a type that is not a coroutine (they would point
// into this file).
#[diagnostic::do_not_recommend]
impl<G: ?Sized + Coroutine<R> + Unpin, R> Coroutine<R> for &mut G {
    type Yield = G::Yield;
    type Return = G::Return;

    #[inline]
    fn resume(mut self: Pin<&mut Self>, arg: R) -> CoroutineState<G::Yield, G::Return> {
        G::resume(Pin::new(&mut **self), arg)
    }

    fn close(mut self: Pin<&mut Self>) {
        G::close(Pin::new(&mut **self));
    }
}

/// An async coroutine: resuming it is a future (Python's `asend()`), and it can be
/// closed asynchronously (Python's `aclose()`) so that its cleanup can `.await`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an async coroutine taking `{R}`",
    label = "not an `AsyncCoroutine<{R}>`",
    note = "`#[yieldkit::coroutine] async fn` makes async coroutines (written with `yieldkit::`: a bare `#[coroutine]` is the compiler's own attribute); a delegating `yield_from!` needs one with the same sent type"
)]
pub trait AsyncCoroutine<R = ()> {
    /// The type of the values the coroutine yields.
    type Yield;
    /// The type of the value the coroutine returns when it finishes.
    type Return;

    /// Drives a resume. The implementation takes `arg` out of its `Option` when it
    /// delivers it to the body; the caller passes the same `Option` on every poll of
    /// one resume. [`AsyncCoroutine::resume`] does this for you.
    ///
    /// # Panics
    /// When the coroutine has completed, when a new value is sent while the body is
    /// still in the middle of the step that a dropped resume future started, when no
    /// value is passed outside such a step, and once `aclose` has started.
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<R>,
    ) -> Poll<CoroutineState<Self::Yield, Self::Return>>;

    /// Drives a close (see [`AsyncCoroutine::aclose`]).
    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Return>>;

    /// Sends `arg` in; the future runs the body to its next yield or to its end.
    ///
    /// Drive the future to completion: a resume future dropped while the body waits
    /// inside its step leaves the body there, and the next resume panics ("already
    /// running") rather than deliver its value to a yield it never saw. `aclose` still
    /// works then: it finishes that step first. Polling the future again after it
    /// completed panics.
    fn resume(self: Pin<&mut Self>, arg: R) -> Resume<'_, Self, R> {
        Resume {
            co: Some(self),
            arg: Some(arg),
        }
    }

    /// Closes the coroutine, letting its cleanup `.await` (Python's `aclose()`).
    ///
    /// The body, suspended at a `yield_!`, leaves from it as if by `return`, running its
    /// `defer!` blocks, awaited; the future resolves to `None`, or to `Some(value)` if
    /// deferred code returned one. A coroutine that was never started, or has
    /// finished, is just marked finished and the future resolves to `None`. Any later
    /// resume panics.
    ///
    /// If a dropped `resume` future left the body in the middle of a step inside a
    /// `defer!`'s scope, that step is finished first: a value it yields is dropped
    /// (nobody is waiting for it).
    ///
    /// # Panics
    /// If the body yields again after it was told to close (Python raises
    /// `RuntimeError: async generator ignored GeneratorExit`).
    fn aclose(self: Pin<&mut Self>) -> Aclose<'_, Self, R> {
        Aclose {
            co: self,
            _sent: PhantomData,
        }
    }
}

/// Any pinned pointer to an async coroutine (`Pin<&mut G>`, `Pin<Box<G>>`) is one.
// Not listed in errors about a type that is not a coroutine (they would point
// into this file).
#[diagnostic::do_not_recommend]
impl<P, R> AsyncCoroutine<R> for Pin<P>
where
    P: DerefMut<Target: AsyncCoroutine<R>>,
{
    type Yield = <P::Target as AsyncCoroutine<R>>::Yield;
    type Return = <P::Target as AsyncCoroutine<R>>::Return;

    #[inline]
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<R>,
    ) -> Poll<CoroutineState<Self::Yield, Self::Return>> {
        self.as_deref_mut().poll_resume(cx, arg)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Return>> {
        self.as_deref_mut().poll_close(cx)
    }
}

/// The future of [`AsyncCoroutine::resume`].
#[must_use = "futures do nothing unless awaited"]
pub struct Resume<'a, C: ?Sized, R> {
    /// `None` once the future has completed.
    co: Option<Pin<&'a mut C>>,
    /// The sent value, until the coroutine takes it.
    arg: Option<R>,
}

// `arg` is never pinned.
impl<C: ?Sized, R> Unpin for Resume<'_, C, R> {}

impl<C: ?Sized + AsyncCoroutine<R>, R> Future for Resume<'_, C, R> {
    type Output = CoroutineState<C::Yield, C::Return>;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let Some(co) = &mut this.co else {
            polled_after_completion()
        };
        let polled = co.as_mut().poll_resume(cx, &mut this.arg);
        if polled.is_ready() {
            this.co = None;
        }
        polled
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn polled_after_completion() -> ! {
    panic!("a coroutine's `resume` future was polled after it completed")
}

impl<C: ?Sized, R> fmt::Debug for Resume<'_, C, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resume").finish_non_exhaustive()
    }
}

/// The future of [`AsyncCoroutine::aclose`]: the body's return value, or `None` if it
/// had not started or had already finished.
#[must_use = "futures do nothing unless awaited"]
pub struct Aclose<'a, C: ?Sized, R> {
    co: Pin<&'a mut C>,
    _sent: PhantomData<fn(R)>,
}

impl<C: ?Sized + AsyncCoroutine<R>, R> Future for Aclose<'_, C, R> {
    type Output = Option<C::Return>;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.get_mut().co.as_mut().poll_close(cx)
    }
}

impl<C: ?Sized, R> fmt::Debug for Aclose<'_, C, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Aclose").finish_non_exhaustive()
    }
}
