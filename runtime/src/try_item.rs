//! `?` inside generator bodies: the error becomes the last item.
//!
//! Stable Rust cannot implement `core::ops::Try`, so the macros rewrite `expr?` into a
//! match on [`Try::branch`] and hand the residual to the yielder, which converts it
//! into the item type through [`FromResidual`].

use core::convert::Infallible;
use core::ops::ControlFlow;

/// The values `?` applies to in a generator body: `Result` and `Option`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "the `?` operator can only be applied to a `Result` or an `Option` in a generator body",
    label = "this is a `{Self}`"
)]
pub trait Try {
    type Output;
    type Residual;
    fn branch(self) -> ControlFlow<Self::Residual, Self::Output>;
}

impl<T, E> Try for Result<T, E> {
    type Output = T;
    type Residual = Result<Infallible, E>;

    #[inline(always)]
    fn branch(self) -> ControlFlow<Self::Residual, T> {
        match self {
            Ok(value) => ControlFlow::Continue(value),
            Err(error) => ControlFlow::Break(Err(error)),
        }
    }
}

impl<T> Try for Option<T> {
    type Output = T;
    type Residual = Option<Infallible>;

    #[inline(always)]
    fn branch(self) -> ControlFlow<Self::Residual, T> {
        match self {
            Some(value) => ControlFlow::Continue(value),
            None => ControlFlow::Break(None),
        }
    }
}

/// Builds the generator's last item from what `?` short-circuited on.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`?` in a generator needs an item type that can hold the error, but the item type is `{Self}`",
    label = "this `?` would yield the error as the generator's last item",
    note = "declare the item type as `Result<T, E>` where `E: From<the error type>`; for `?` on an `Option`, as `Option<T>`"
)]
pub trait FromResidual<R> {
    fn from_residual(residual: R) -> Self;
}

#[diagnostic::do_not_recommend]
impl<T, E, F: From<E>> FromResidual<Result<Infallible, E>> for Result<T, F> {
    #[inline]
    fn from_residual(residual: Result<Infallible, E>) -> Self {
        match residual {
            Err(error) => Err(From::from(error)),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T> FromResidual<Option<Infallible>> for Option<T> {
    #[inline]
    fn from_residual(_: Option<Infallible>) -> Self {
        None
    }
}
