//! How `?` works in a generator body, and the traits its compile errors name.
//!
//! In a generator, `expr?` on an error yields the error as the generator's last item
//! and ends the body, as `?` in a function returns it. Stable Rust cannot implement
//! `core::ops::Try`, so the macros rewrite `expr?` into a match on [`Try::branch`]:
//! the value goes on, and what stops the body (the *residual*: `Err(e)`, or `None`)
//! becomes the last item through [`FromResidual`]:
//!
//! | `?` on | the items must be | the last item |
//! |---|---|---|
//! | `Result<T, E>` | [`ResultItem`]: `Result<_, F>` where `F: From<E>` | `Err(F::from(e))` |
//! | `Option<T>` | [`OptionItem`]: `Option<_>` | `None` |
//!
//! The traits are public so that compile errors about a `?` name something
//! documented; the macros are their only users.

use core::convert::Infallible;
use core::ops::ControlFlow;

/// The values `?` applies to in a generator body: `Result` and `Option`.
#[diagnostic::on_unimplemented(
    message = "the `?` operator can only be applied to a `Result` or an `Option` in a generator body",
    label = "this is a `{Self}`"
)]
pub trait Try {
    /// What `?` evaluates to when the body goes on.
    type Output;
    /// What `?` stops the body with: `Result<Infallible, E>` or `Option<Infallible>`.
    type Residual;
    /// Splits the value into going on (`Continue`) or stopping (`Break`).
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

/// Builds the generator's last item from what a `?` stopped on.
///
/// Implemented for every item type, through [`ResultItem`] and [`OptionItem`]: the
/// compile error for a `?` whose residual the items cannot hold names the one of
/// those that is missing, or, for an error without a `From` conversion, [`ErrorInto`].
#[diagnostic::on_unimplemented(
    message = "`?` cannot yield this as an item of type `{Self}`",
    label = "this `?` would yield its error as the last item",
    note = "on a `Result`, `?` yields `Err(error.into())`: the items must be `Result<_, E>` where `E: From` the error",
    note = "on an `Option`, `?` yields `None`: the items must be `Option<_>`, or turn the `Option` into a `Result` with `.ok_or(error)?`"
)]
pub trait FromResidual<R> {
    /// The last item.
    fn from_residual(residual: R) -> Self;
}

// Both impls are for every item type, so that an error is about the item type (one
// named for each item type would be listed in errors, pointing into this file), and
// the error type stays unknown until the `?`'s own expression says what it is (a
// conversion to the items' error type is never inferred from the one `From` impl it
// has).
impl<T: ResultItem, E: ErrorInto<T::Error>> FromResidual<Result<Infallible, E>> for T {
    #[inline]
    fn from_residual(residual: Result<Infallible, E>) -> Self {
        match residual {
            Err(error) => T::from_error(error.error_into()),
        }
    }
}

impl<T: OptionItem> FromResidual<Option<Infallible>> for T {
    #[inline]
    fn from_residual(_: Option<Infallible>) -> Self {
        T::none()
    }
}

/// An item type a `?` on a `Result` can yield its error as: `Result<_, Error>`.
#[diagnostic::on_unimplemented(
    message = "`?` yields the error as the last item, but the item type `{Self}` is not a `Result`",
    label = "this `?` would yield its error",
    note = "declare the item type as `Result<T, E>` where `E: From` the error"
)]
pub trait ResultItem {
    /// The items' error type.
    type Error;
    /// The item holding `error`.
    fn from_error(error: Self::Error) -> Self;
}

#[diagnostic::do_not_recommend]
impl<T, E> ResultItem for Result<T, E> {
    type Error = E;

    #[inline(always)]
    fn from_error(error: E) -> Self {
        Err(error)
    }
}

/// An item type a `?` on an `Option` can yield as: `Option<_>`.
#[diagnostic::on_unimplemented(
    message = "`?` on an `Option` yields `None` as the last item, but the item type `{Self}` is not an `Option`",
    label = "this `?` is on an `Option`",
    note = "turn the `Option` into a `Result` first: `.ok_or(error)?`"
)]
pub trait OptionItem {
    /// `None`.
    fn none() -> Self;
}

#[diagnostic::do_not_recommend]
impl<T> OptionItem for Option<T> {
    #[inline(always)]
    fn none() -> Self {
        None
    }
}

/// The conversion of a `?`'s error into the items' error type: `From`, as for `?` in a
/// function.
#[diagnostic::on_unimplemented(
    message = "`?` couldn't convert the error to `{F}`",
    label = "the error is yielded as the last item, converted with `From`",
    note = "implement `From<{Self}>` for `{F}`, or convert the error with `.map_err(..)` before the `?`"
)]
pub trait ErrorInto<F> {
    /// `F::from(self)`.
    fn error_into(self) -> F;
}

#[diagnostic::do_not_recommend]
impl<E, F: From<E>> ErrorInto<F> for E {
    #[inline(always)]
    fn error_into(self) -> F {
        F::from(self)
    }
}
