//! What the `#[coroutine]` expansions call: checks with clear errors, and helpers.

use core::marker::PhantomData;
use core::pin::Pin;

use super::{AsyncCoroutine, Coroutine, CoroutineState, Resume};
use crate::handle::CoYielder;

/// The sent type of a coroutine whose first resume value is not named: only `()`, so
/// no value is dropped unseen.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "the value of this coroutine's first resume would be lost: name it with `#[agen::coroutine(first = name)]`",
    label = "the first `resume(value)` starts the body, before any `yield_!` can receive it",
    note = "the first resume value goes to the body: bind it with `#[agen::coroutine(first = name)]`, or make the sent type `()`"
)]
pub trait UnnamedFirstResume {}

impl UnnamedFirstResume for () {}

/// Drops the first resume value of a coroutine that did not name it: `()` only.
#[doc(hidden)]
#[inline(always)]
pub fn unnamed_first_resume<R: UnnamedFirstResume>(_first: R) {}

/// The sent type of a sub-coroutine delegated to without a first value.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`yield_from!(sub)` needs the first value to start `sub` with",
    label = "the sent type is `{Self}`, not `()`",
    note = "write `yield_from!(sub, first_value)`: the first resume of `sub` starts it"
)]
pub trait DelegateWithoutFirst {
    fn first() -> Self;
}

impl DelegateWithoutFirst for () {
    #[inline(always)]
    fn first() -> Self {}
}

/// The first value `yield_from!(sub)` starts `sub` with: `()` only.
#[doc(hidden)]
#[inline(always)]
pub fn delegate_first<R: DelegateWithoutFirst>() -> R {
    R::first()
}

/// A sub-coroutine checked at the `yield_from!`, carrying its yielded and returned
/// types. When the check fails they are error types, and rustc reports nothing more
/// about the delegation loop: one mistake, one error, at the user's expression.
#[doc(hidden)]
#[derive(Debug)]
pub struct Delegate<C, R, Y, Ret> {
    sub: C,
    _types: PhantomData<fn(R) -> (Y, Ret)>,
}

impl<C, R, Y, Ret> Delegate<C, R, Y, Ret> {
    fn sub(self: Pin<&mut Self>) -> Pin<&mut C> {
        // SAFETY: `Delegate` pins `sub` structurally: it never moves it out, has no
        // `Drop` impl, and is `Unpin` only when `C` is.
        unsafe { self.map_unchecked_mut(|d| &mut d.sub) }
    }
}

impl<Y, R> CoYielder<'_, Y, R> {
    /// Checks at the `yield_from!` that `sub` is a coroutine taking this coroutine's
    /// sent type (the values it forwards). Going through the yielder fixes `R` before
    /// the check, so a failed check is final at once.
    #[doc(hidden)]
    #[inline(always)]
    pub fn delegate_to<C: Coroutine<R>>(&self, sub: C) -> Delegate<C, R, C::Yield, C::Return> {
        Delegate {
            sub,
            _types: PhantomData,
        }
    }

    /// Checks at the `yield_from!` that `sub` is an async coroutine taking this
    /// coroutine's sent type.
    #[doc(hidden)]
    #[inline(always)]
    pub fn async_delegate_to<C: AsyncCoroutine<R>>(
        &self,
        sub: C,
    ) -> Delegate<C, R, C::Yield, C::Return> {
        Delegate {
            sub,
            _types: PhantomData,
        }
    }
}

/// One step of a delegation: resumes the checked sub-coroutine.
#[doc(hidden)]
#[inline(always)]
pub fn delegate_resume<C, R, Y, Ret>(
    delegate: Pin<&mut Delegate<C, R, Y, Ret>>,
    sent: R,
) -> CoroutineState<Y, Ret>
where
    C: Coroutine<R, Yield = Y, Return = Ret>,
{
    delegate.sub().resume(sent)
}

/// One step of an async delegation: resumes the checked sub-coroutine.
#[doc(hidden)]
#[inline(always)]
pub fn async_delegate_resume<C, R, Y, Ret>(
    delegate: Pin<&mut Delegate<C, R, Y, Ret>>,
    sent: R,
) -> Resume<'_, C, R>
where
    C: AsyncCoroutine<R, Yield = Y, Return = Ret>,
{
    delegate.sub().resume(sent)
}

/// A value of any type, for the never-taken `break` in a coroutine's rewritten yields
/// (see `visit.rs`): unlike `panic!()`, a call does not make the code after it
/// unreachable in the compiler's eyes.
#[doc(hidden)]
#[inline(always)]
pub fn dead<T>() -> T {
    unreachable!("agen: a dead branch of a rewritten yield ran")
}
