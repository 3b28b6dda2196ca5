//! Proc macros that write yieldkit's generator functions and blocks, as a third-party
//! crate would: from the caller's tokens (keeping their spans) and with names of their
//! own (`Span::mixed_site()`, `Span::call_site()`). Used by `yieldkit-auxiliary-tests`; this
//! crate does not depend on yieldkit, it names `::yieldkit` in what it writes.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{FnArg, Ident, ItemFn, Token, parse_macro_input};

/// `generator_fn! { FORM(OPTIONS)?; FN }`: the function `FN` under `#[::yieldkit::FORM(..)]`
/// (`async_gen`, `generator`, `coroutine`, `for_await`), written out again piece by
/// piece: the signature's parts, each parameter (`pattern: type`), each statement of
/// the body. Every piece keeps the caller's spans; the attribute, the parentheses and
/// the braces are this macro's.
#[proc_macro]
pub fn generator_fn(input: TokenStream) -> TokenStream {
    let GeneratorFn {
        form,
        options,
        func,
    } = parse_macro_input!(input as GeneratorFn);
    let ItemFn {
        attrs,
        vis,
        sig,
        block,
    } = &func;
    let syn::Signature {
        constness,
        asyncness,
        unsafety,
        fn_token,
        ident,
        generics,
        inputs,
        output,
        ..
    } = sig;
    let params = inputs.iter().map(|arg| match arg {
        FnArg::Receiver(receiver) => quote!(#receiver),
        FnArg::Typed(typed) => {
            let (attrs, pat, ty) = (&typed.attrs, &typed.pat, &typed.ty);
            quote!(#(#attrs)* #pat: #ty)
        }
    });
    let where_clause = &generics.where_clause;
    let stmts = &block.stmts;
    let options = options.map(|options| quote!((#options)));
    quote! {
        #(#attrs)*
        #[::yieldkit::#form #options]
        #vis #constness #asyncness #unsafety #fn_token #ident #generics (#(#params),*) #output
        #where_clause
        {
            #(#stmts)*
        }
    }
    .into()
}

struct GeneratorFn {
    form: Ident,
    options: Option<TokenStream2>,
    func: ItemFn,
}

impl Parse for GeneratorFn {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let form = input.parse()?;
        let options = if input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            Some(content.parse()?)
        } else {
            None
        };
        input.parse::<Token![;]>()?;
        Ok(Self {
            form,
            options,
            func: input.parse()?,
        })
    }
}

/// `#[yieldkit_via(FORM, OPTIONS..)]` on a function: the function, untouched, under
/// `#[::yieldkit::FORM(OPTIONS..)]` (an attribute that expands to yieldkit's).
#[proc_macro_attribute]
pub fn yieldkit_via(attr: TokenStream, item: TokenStream) -> TokenStream {
    let attr = parse_macro_input!(attr with Punctuated::<TokenStream2, Token![,]>::parse_terminated_with_tokens);
    let mut parts = attr.into_iter();
    let Some(form) = parts.next() else {
        return quote!(::core::compile_error!("yieldkit_via: name the form");).into();
    };
    let options: Vec<TokenStream2> = parts.collect();
    let options = (!options.is_empty()).then(|| quote!((#(#options),*)));
    let item = TokenStream2::from(item);
    quote!(#[::yieldkit::#form #options] #item).into()
}

/// Parses the tokens between commas, each as they are.
trait ParseTerminatedWithTokens: Sized {
    fn parse_terminated_with_tokens(input: ParseStream<'_>) -> syn::Result<Self>;
}

impl ParseTerminatedWithTokens for Punctuated<TokenStream2, Token![,]> {
    fn parse_terminated_with_tokens(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut out = Punctuated::new();
        while !input.is_empty() {
            let mut part = TokenStream2::new();
            while !input.is_empty() && !input.peek(Token![,]) {
                part.extend([input.parse::<proc_macro2::TokenTree>()?]);
            }
            out.push_value(part);
            if input.is_empty() {
                break;
            }
            out.push_punct(input.parse()?);
        }
        Ok(out)
    }
}

/// `#[with_limit(FORM)]` on a function: adds a parameter `limit: usize` (a
/// `Span::call_site()` name, so the caller's body can use it) and puts the function
/// under `#[::yieldkit::FORM]`.
#[proc_macro_attribute]
pub fn with_limit(attr: TokenStream, item: TokenStream) -> TokenStream {
    let form = parse_macro_input!(attr as Ident);
    let mut func = parse_macro_input!(item as ItemFn);
    let limit = Ident::new("limit", Span::call_site());
    func.sig.inputs.push(syn::parse_quote!(#limit: usize));
    quote!(#[::yieldkit::#form] #func).into()
}

/// `generated!(SITE KIND NAME)`: a generator function (or, for `methods`, an `impl NAME`
/// block of generator methods) whose every token but `NAME` this macro writes, spanned
/// at `SITE`: `mixed` (`Span::mixed_site()`: its parameters, locals, labels and `self`
/// are hygienic) or `call` (`Span::call_site()`). The `yield_!`, `?`, `#[for_await]`,
/// `yield_from!` and the block forms' `yield` / `for await` are all generated.
///
/// - `generator`: `fn NAME(limit: u32, words: Vec<&'static str>) ->
///   Result<u32, ParseIntError>`: each word parsed (`?`) while below `limit`, then
///   `limit` itself.
/// - `async_gen`: the same as a stream, iterating a generated `stream!` with
///   `#[for_await]`.
/// - `coroutine`: `fn NAME(scale: u32) -> impl Coroutine<u32, Yield = u32, Return = u32>`
///   with `first = start`: yields the running total times `scale`, returns it on `0`.
/// - `async_coroutine`: the same, `async`.
/// - `for_await`: `async fn NAME(values: Vec<u32>) -> u32`, their sum through
///   `#[for_await]`.
/// - `stream` / `iter`: `fn NAME(values: Vec<u32>) -> impl Stream / Iterator`, each
///   value doubled, from a generated block (`stream` names `::futures_core::Stream`:
///   the caller depends on futures-core).
/// - `methods`: `impl NAME { fn evens(&self), async fn odds(&self) }` over a field
///   `values: Vec<u32>`.
#[proc_macro]
pub fn generated(input: TokenStream) -> TokenStream {
    let Generated { site, kind, name } = parse_macro_input!(input as Generated);
    let span = match site.to_string().as_str() {
        "mixed" => Span::mixed_site(),
        "call" => Span::call_site(),
        _ => {
            return syn::Error::new(site.span(), "expected `mixed` or `call`")
                .to_compile_error()
                .into();
        }
    };
    let out = match kind.to_string().as_str() {
        "generator" => quote_spanned! {span=>
            #[::yieldkit::generator]
            fn #name(
                limit: u32,
                words: ::std::vec::Vec<&'static str>,
            ) -> ::core::result::Result<u32, ::core::num::ParseIntError> {
                'words: for word in words {
                    let n: u32 = word.parse()?;
                    if n >= limit {
                        break 'words;
                    }
                    yield_!(::core::result::Result::Ok(n));
                }
                yield_!(::core::result::Result::Ok(limit));
            }
        },
        "async_gen" => quote_spanned! {span=>
            #[::yieldkit::async_gen]
            async fn #name(
                limit: u32,
                words: ::std::vec::Vec<&'static str>,
            ) -> ::core::result::Result<u32, ::core::num::ParseIntError> {
                let words = ::yieldkit::stream! {
                    for word in words {
                        yield word;
                    }
                };
                #[for_await]
                'words: for word in words {
                    let n: u32 = word.parse()?;
                    if n >= limit {
                        break 'words;
                    }
                    yield_!(::core::result::Result::Ok(n));
                }
                yield_from!(::yieldkit::stream! {
                    yield ::core::result::Result::Ok(limit);
                });
            }
        },
        "coroutine" => quote_spanned! {span=>
            #[::yieldkit::coroutine(first = start)]
            fn #name(scale: u32) -> impl ::yieldkit::Coroutine<u32, Yield = u32, Return = u32> {
                let mut total = start;
                loop {
                    let sent = yield_!(total * scale);
                    if sent == 0 {
                        return total;
                    }
                    total += sent;
                }
            }
        },
        "async_coroutine" => quote_spanned! {span=>
            #[::yieldkit::coroutine(first = start)]
            async fn #name(scale: u32) -> impl ::yieldkit::AsyncCoroutine<u32, Yield = u32, Return = u32> {
                let mut total = start;
                loop {
                    let sent = yield_!(total * scale);
                    if sent == 0 {
                        return total;
                    }
                    total += ::core::future::ready(sent).await;
                }
            }
        },
        "for_await" => quote_spanned! {span=>
            #[::yieldkit::for_await]
            async fn #name(values: ::std::vec::Vec<u32>) -> u32 {
                let values = ::yieldkit::stream! {
                    for value in values {
                        yield value;
                    }
                };
                let mut total = 0;
                #[for_await]
                for value in values {
                    total += value;
                }
                total
            }
        },
        "stream" => quote_spanned! {span=>
            fn #name(values: ::std::vec::Vec<u32>) -> impl ::futures_core::Stream<Item = u32> {
                let doubled = ::yieldkit::stream! {
                    for value in values {
                        yield value * 2;
                    }
                };
                ::yieldkit::stream! {
                    for await value in doubled {
                        yield value;
                    }
                }
            }
        },
        "iter" => quote_spanned! {span=>
            fn #name(values: ::std::vec::Vec<u32>) -> impl ::core::iter::Iterator<Item = u32> {
                ::yieldkit::iter! {
                    for value in values {
                        yield value * 2;
                    }
                }
            }
        },
        "methods" => quote_spanned! {span=>
            impl #name {
                #[::yieldkit::generator]
                fn evens(&self) -> u32 {
                    for value in &self.values {
                        if value % 2 == 0 {
                            yield_!(*value);
                        }
                    }
                }

                #[::yieldkit::async_gen]
                async fn odds(&self) -> u32 {
                    for value in &self.values {
                        if value % 2 == 1 {
                            yield_!(*value);
                        }
                    }
                }
            }
        },
        _ => syn::Error::new(kind.span(), "unknown kind").to_compile_error(),
    };
    out.into()
}

struct Generated {
    site: Ident,
    kind: Ident,
    name: Ident,
}

impl Parse for Generated {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        Ok(Self {
            site: input.parse()?,
            kind: input.parse()?,
            name: input.parse()?,
        })
    }
}

/// `stream_of!(a, b, ..)` / `iter_of!(a, b, ..)`: `::yieldkit::stream! { yield a; yield b; .. }`
/// (and `iter!`), the `yield`s this macro's (`Span::mixed_site()`), the values the
/// caller's.
#[proc_macro]
pub fn stream_of(input: TokenStream) -> TokenStream {
    block_of(quote!(stream), input)
}

/// See `stream_of!`.
#[proc_macro]
pub fn iter_of(input: TokenStream) -> TokenStream {
    block_of(quote!(iter), input)
}

fn block_of(form: TokenStream2, input: TokenStream) -> TokenStream {
    let values =
        parse_macro_input!(input with Punctuated::<syn::Expr, Token![,]>::parse_terminated);
    let yields = values
        .iter()
        .map(|value| quote_spanned!(Span::mixed_site()=> yield #value;));
    quote!(::yieldkit::#form! { #(#yields)* }).into()
}

/// `generator_block!(stream { .. })` / `generator_block!(iter { .. })`: the caller's
/// statements (with `yield`, `for await`, `?` and `type Item = ..;`) in a `stream!` /
/// `iter!` this macro writes, one token tree at a time.
#[proc_macro]
pub fn generator_block(input: TokenStream) -> TokenStream {
    let input = TokenStream2::from(input);
    let mut iter = input.into_iter();
    let (Some(form), Some(proc_macro2::TokenTree::Group(body))) = (iter.next(), iter.next()) else {
        return quote!(::core::compile_error!(
            "expected `stream { .. }` or `iter { .. }`"
        ))
        .into();
    };
    let tokens: Vec<proc_macro2::TokenTree> = body.stream().into_iter().collect();
    quote!(::yieldkit::#form! { #(#tokens)* }).into()
}
