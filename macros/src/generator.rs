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
use crate::expand::{BlockInput, mark_for_await};
use crate::signature::{self, GenFn};
use crate::visit::{Kind, Names, Rewriter};

/// Combines errors into one `compile_error!` list.
pub(crate) fn combine(errors: Vec<syn::Error>) -> Option<syn::Error> {
    let mut errors = errors.into_iter();
    let mut first = errors.next()?;
    first.extend(errors);
    Some(first)
}

/// The unpinned generator every sync form is made from.
///
/// Output: `Generator::new(move |mut y: Yielder<Item>| async move { prelude; let () = 'body: { stmts }; })`
fn generator_body(
    names: &Names,
    item: Option<&Type>,
    prelude: TokenStream,
    stmts: &[Stmt],
) -> TokenStream {
    let item = item.map_or_else(|| quote!(_), ToTokens::to_token_stream);
    let param = signature::yielder_param(&names.yielder, quote!(::agen::__private::Yielder<#item>));
    let label = &names.label;
    quote! {
        ::agen::__private::Generator::new(move |#param| async move {
            #prelude
            #[allow(unused_labels)]
            let () = #label: { #(#stmts)* };
        })
    }
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
        errors.push(syn::Error::new(
            sig.ident.span(),
            "`#[generator]` goes on a function with a body; in a trait, declare \
             `fn name(&self) -> impl Iterator<Item = Item> + '_;` and put `#[generator]` on the impl's method",
        ));
        return Err(combine(errors).expect("an error was just pushed"));
    };

    signature::strip_async(&mut sig);
    let prelude = signature::bind_arguments(&mut sig);
    let item_or_unit = item.clone().unwrap_or_else(|| syn::parse_quote!(()));
    let names = Names::new();
    let mut stmts = body.stmts;
    // With a broken signature the body is left out, so its errors do not pile up on
    // top of the signature's; callers still see the intended signature.
    if errors.is_empty() {
        if let Some(err) = Rewriter::new(Kind::Iter, names.clone()).rewrite(&mut stmts) {
            errors.push(err);
        }
    } else {
        stmts.clear();
    }
    let generator = generator_body(&names, Some(&item_or_unit), prelude, &stmts);
    let mut allow = TokenStream::new();
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
            allow = quote!(#[allow(refining_impl_trait)]);
            quote!(::agen::__private::Box::pin(#generator))
        }
        Boxing::Send | Boxing::Local => {
            let bound = signature::add_outlived_lifetime(&mut sig);
            let send = (options.boxing == Boxing::Send).then(|| quote!(+ ::core::marker::Send));
            signature::set_return(
                &mut sig,
                quote!(::core::pin::Pin<::agen::__private::Box<
                    dyn ::agen::PinIterator<Item = #item_or_unit> #send + #bound
                >>),
            );
            quote!(::agen::__private::Box::pin(#generator))
        }
    };
    let errors = combine(errors).map(|e| e.into_compile_error());
    Ok(quote! {
        #errors
        #(#attrs)*
        #allow
        #vis #sig {
            #block
        }
    })
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
