//! Expansions of `#[generator]` and `iter!`: synchronous generators.
//!
//! The body is rewritten by the shared `visit::Rewriter` (kind `Iter`: no `.await`,
//! `?` yields the error as the last item, `yield_from!` walks an `IntoIterator`) and
//! wrapped in the runtime's `Generator`, the async generator's state machine driven
//! with a no-op waker.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::parse::{Parse, Parser};
use syn::{Stmt, Type};

use crate::args::{Boxing, GenOptions};
use crate::emit;
use crate::expand::{BlockInput, mark_for_await};
use crate::signature::{self, GenFn};
use crate::visit::{Kind, Names, Rewriter};

/// The unpinned generator every sync form is made from.
fn generator_body(
    names: &Names,
    item: Option<&Type>,
    prelude: TokenStream,
    stmts: &[Stmt],
) -> TokenStream {
    let item = item.map_or_else(|| quote!(_), ToTokens::to_token_stream);
    emit::body_closure("Generator", names, item, prelude, stmts)
}

// Input:
//     #[generator] fn f<G>(args) -> Item where W { body }
// Output:
//     fn f<G>(args) -> impl FusedIterator<Item = Item> where W {
//         Box::pin(Generator::new(move |mut y: Yielder<Item>| async move { ..body, rewritten.. }))
//     }
// `unboxed` returns the `Generator` itself (`Generator<Item, impl GenBody<Item>>`), and
// `boxed` / `boxed_local` a `Pin<Box<dyn PinIterator<Item = Item> (+ Send) + 'a>>`.
pub(crate) fn generator(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let options = GenOptions::parse(attr, "generator")?;
    let GenFn {
        attrs,
        vis,
        mut sig,
        body,
    } = syn::parse2(item)?;
    let mut errors = Vec::new();
    signature::check_sync(&sig, "generator", false, &mut errors);
    let item = signature::item_type(&sig, "generator")
        .map_err(|e| errors.push(e))
        .ok();
    let Some(body) = body else {
        errors.push(emit::needs_body(
            &sig,
            "generator",
            "fn name(&self) -> impl Iterator<Item = Item> + '_;",
        ));
        return Err(emit::combine(errors).expect("an error was just pushed"));
    };

    signature::strip_async(&mut sig);
    let prelude = signature::bind_arguments(&mut sig);
    let item_or_unit = item.clone().unwrap_or_else(|| syn::parse_quote!(()));
    let names = Names::new();
    let mut stmts = body.stmts;
    emit::rewrite_body(Kind::Iter, &names, &mut stmts, &mut errors);
    let generator = generator_body(&names, Some(&item_or_unit), prelude, &stmts);
    let mut allow = None;
    let block = match options.boxing {
        Boxing::None if options.unboxed => {
            signature::set_return(
                &mut sig,
                quote!(::agen::Generator<#item_or_unit, impl ::agen::GenBody<#item_or_unit>>),
            );
            generator
        }
        Boxing::None => {
            signature::set_return(
                &mut sig,
                quote!(impl ::core::iter::FusedIterator<Item = #item_or_unit>),
            );
            // A trait may declare `-> impl Iterator`; the impl promises `FusedIterator` too.
            allow = Some(syn::parse_quote!(#[allow(refining_impl_trait)]));
            quote!(::agen::__private::Box::pin(#generator))
        }
        Boxing::Send | Boxing::Local => emit::boxed(
            &mut sig,
            options.boxing,
            quote!(::agen::PinIterator<Item = #item_or_unit>),
            generator,
        ),
    };
    let attrs: Vec<syn::Attribute> = attrs.into_iter().chain(allow).collect();
    Ok(emit::function(errors, &attrs, &vis, &sig, block))
}

// Input:
//     iter! { type Item = T; ..statements with `yield v;`.. }
// Output:
//     Box::pin(Generator::new(move |mut y: Yielder<T or _>| async move { ..rewritten.. }))
pub(crate) fn iter(input: TokenStream) -> syn::Result<TokenStream> {
    let BlockInput { item, mut stmts } = BlockInput::parse.parse2(mark_for_await(input))?;
    let names = Names::new();
    let errors = Rewriter::new(Kind::Iter, names.clone())
        .rewrite(&mut stmts)
        .map(|e| e.into_compile_error());
    let generator = generator_body(&names, item.as_ref(), TokenStream::new(), &stmts);
    Ok(quote!({ #errors ::agen::__private::Box::pin(#generator) }))
}
