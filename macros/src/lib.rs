//! Procedural macros of [yieldkit](https://docs.rs/yieldkit). Depend on `yieldkit`, which
//! re-exports them and documents them; this crate is an implementation detail.
//!
//! Every macro goes one way: parse, validate, rewrite the body, emit. The attribute
//! forms share one driver (`function.rs`, with what differs between them in
//! `form.rs`), the block forms and `collect!`'s lazy forms share `block.rs`, and all of
//! them share one body rewriter (`rewrite/`) and one error collector (`errors.rs`).
//! `ARCHITECTURE.md` at the repository's root has the map.

#![forbid(unsafe_code)]

mod block;
mod comprehension;
mod crate_path;
mod emit;
mod errors;
mod form;
mod function;
#[cfg(test)]
mod fuzz;
mod manifest;
mod options;
mod rewrite;
mod signature;

use proc_macro::TokenStream;

use crate::form::Form;

/// Defined in `yieldkit-macros` and used through `yieldkit`, which re-exports it as
/// `yieldkit::async_gen` and documents it: depend on `yieldkit`.
#[proc_macro_attribute]
pub fn async_gen(attr: TokenStream, item: TokenStream) -> TokenStream {
    function::expand(Form::AsyncGen, attr.into(), item.into()).into()
}

/// Defined in `yieldkit-macros` and used through `yieldkit`, which re-exports it as
/// `yieldkit::generator` and documents it: depend on `yieldkit`.
#[proc_macro_attribute]
pub fn generator(attr: TokenStream, item: TokenStream) -> TokenStream {
    function::expand(Form::Generator, attr.into(), item.into()).into()
}

/// Defined in `yieldkit-macros` and used through `yieldkit`, which re-exports it as
/// `yieldkit::coroutine` and documents it: depend on `yieldkit`.
#[proc_macro_attribute]
pub fn coroutine(attr: TokenStream, item: TokenStream) -> TokenStream {
    function::expand(Form::Coroutine, attr.into(), item.into()).into()
}

/// Defined in `yieldkit-macros` and used through `yieldkit`, which re-exports it as
/// `yieldkit::for_await` and documents it: depend on `yieldkit`.
#[proc_macro_attribute]
pub fn for_await(attr: TokenStream, item: TokenStream) -> TokenStream {
    function::expand(Form::ForAwait, attr.into(), item.into()).into()
}

/// See `yieldkit::stream`, which calls this with the path to the runtime first.
#[proc_macro]
pub fn stream(input: TokenStream) -> TokenStream {
    let (path, input) = crate_path::split_passed(input.into());
    crate_path::import(block::expand(Form::AsyncGen, input), &path).into()
}

/// See `yieldkit::iter`, which calls this with the path to the runtime first.
#[proc_macro]
pub fn iter(input: TokenStream) -> TokenStream {
    let (path, input) = crate_path::split_passed(input.into());
    crate_path::import(block::expand(Form::Generator, input), &path).into()
}

/// See `yieldkit::collect`, which calls this with the path to the runtime first.
#[proc_macro]
pub fn collect(input: TokenStream) -> TokenStream {
    let (path, input) = crate_path::split_passed(input.into());
    crate_path::import(comprehension::expand(input), &path).into()
}
