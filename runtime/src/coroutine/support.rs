//! What the `#[coroutine]` expansions call: checks with clear errors, and helpers.

use core::marker::PhantomData;
use core::pin::Pin;

use crate::handle::CoYielder;

/// The sent type of a coroutine whose first resume value is not named: only `()`, so
/// no value is dropped unseen.
///
/// It exists for its compile error, at the sent type: "the value of this coroutine's
/// first resume would be lost", with the fix.
#[diagnostic::on_unimplemented(
    message = "the value of this coroutine's first resume would be lost: name it with `#[yieldkit::coroutine(first = name)]`",
    label = "the first `resume(value)` starts the body, before any `yield_!` can receive it",
    note = "the first resume value goes to the body: bind it with `#[yieldkit::coroutine(first = name)]`, or make the sent type `()`"
)]
pub trait UnnamedFirstResume {
    /// Drops the first resume value (`()`).
    fn discard(self);
}

#[diagnostic::do_not_recommend]
impl UnnamedFirstResume for () {
    #[inline(always)]
    fn discard(self) {}
}

/// The sent type of a sub-coroutine delegated to without a first value: `()` only.
///
/// It exists for its compile error, at the `yield_from!`: "`yield_from!(sub)` needs
/// the first value to start `sub` with", with the fix.
#[diagnostic::on_unimplemented(
    message = "`yield_from!(sub)` needs the first value to start `sub` with",
    label = "the sent type is `{Self}`, not `()`",
    note = "write `yield_from!(sub, first_value)`: the first resume of `sub` starts it"
)]
pub trait DelegateWithoutFirst {
    /// The value `sub` is started with: `()`.
    fn first() -> Self;
}

#[diagnostic::do_not_recommend]
impl DelegateWithoutFirst for () {
    #[inline(always)]
    fn first() -> Self {}
}

/// The sub-coroutine of a `yield_from!`, tied to the delegating coroutine's sent type
/// `R`: going through the yielder fixes `R` before the sub-coroutine is resumed, so
/// that resuming it with `Coroutine::resume` (the check that it is a coroutine taking
/// `R`, reported at the user's expression) is decided at once.
#[doc(hidden)]
#[derive(Debug)]
pub struct Delegate<C, R> {
    sub: C,
    _sent: PhantomData<fn(R)>,
}

impl<C, R> Delegate<C, R> {
    /// The first value `sub` is resumed with, typed as the sent type, so that the
    /// resume's check is about `sub` alone.
    #[doc(hidden)]
    #[inline(always)]
    pub fn first(&self, value: R) -> R {
        value
    }

    /// The pinned sub-coroutine.
    #[doc(hidden)]
    #[inline(always)]
    pub fn sub(self: Pin<&mut Self>) -> Pin<&mut C> {
        // SAFETY: `Delegate` pins `sub` structurally: it never moves it out, has no
        // `Drop` impl, and is `Unpin` only when `C` is.
        unsafe { self.map_unchecked_mut(|d| &mut d.sub) }
    }
}

impl<Y, R> CoYielder<'_, Y, R> {
    /// Wraps the sub-coroutine of a `yield_from!`, fixing its sent type to this
    /// coroutine's.
    #[doc(hidden)]
    #[inline(always)]
    pub fn delegate_to<C>(&self, sub: C) -> Delegate<C, R> {
        Delegate {
            sub,
            _sent: PhantomData,
        }
    }
}

/// A value of any type, for the never-taken `break` in a coroutine's rewritten yields
/// (see `visit.rs`): unlike `panic!()`, a call does not make the code after it
/// unreachable in the compiler's eyes.
#[doc(hidden)]
#[inline(always)]
pub fn dead<T>() -> T {
    unreachable!("yieldkit: a dead branch of a rewritten yield ran")
}
