//! What the `#[coroutine]` expansions call: checks with clear errors, and helpers.

use super::{AsyncCoroutine, Coroutine};

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

/// Checks at the `yield_from!` that `sub` is a coroutine.
#[doc(hidden)]
#[inline(always)]
pub fn delegate_to<C: Coroutine<R>, R>(sub: C) -> C {
    sub
}

/// Checks at the `yield_from!` that `sub` is an async coroutine.
#[doc(hidden)]
#[inline(always)]
pub fn async_delegate_to<C: AsyncCoroutine<R>, R>(sub: C) -> C {
    sub
}

/// A value of any type, for the never-taken `break` in a coroutine's rewritten yields
/// (see `visit.rs`): unlike `panic!()`, a call does not make the code after it
/// unreachable in the compiler's eyes.
#[doc(hidden)]
#[inline(always)]
pub fn dead<T>() -> T {
    unreachable!("agen: a dead branch of a rewritten yield ran")
}
