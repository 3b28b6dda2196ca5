//! Procedural macros of [agen](https://docs.rs/agen). Depend on `agen`, which
//! re-exports them and documents them; this crate is an implementation detail.

#![forbid(unsafe_code)]

mod args;
mod comprehension;
mod coroutine;
mod emit;
mod expand;
mod generator;
mod signature;
mod visit;

use proc_macro::TokenStream;

/// See `agen::async_gen`.
#[proc_macro_attribute]
pub fn async_gen(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::async_gen(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// See `agen::stream`.
#[proc_macro]
pub fn stream(input: TokenStream) -> TokenStream {
    expand::stream(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// See `agen::for_await`.
#[proc_macro_attribute]
pub fn for_await(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::for_await(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// See `agen::collect`.
#[proc_macro]
pub fn collect(input: TokenStream) -> TokenStream {
    comprehension::expand(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// See `agen::generator`.
#[proc_macro_attribute]
pub fn generator(attr: TokenStream, item: TokenStream) -> TokenStream {
    generator::generator(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// See `agen::iter`.
#[proc_macro]
pub fn iter(input: TokenStream) -> TokenStream {
    generator::iter(input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// See `agen::coroutine`.
#[proc_macro_attribute]
pub fn coroutine(attr: TokenStream, item: TokenStream) -> TokenStream {
    coroutine::coroutine(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
