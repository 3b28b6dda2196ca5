//! Expansion of `#[coroutine]`: values sent in at each yield, a value returned.
//!
//! The body is rewritten by the shared `visit::Rewriter` (kind `Coroutine` or
//! `AsyncCoroutine`: `yield_!` evaluates to the sent value, `return` breaks out of a
//! block typed with the declared return type, `?` is Rust's own, `yield_from!`
//! delegates to a sub-coroutine) and wrapped in the runtime's `Co` / `AsyncCo`.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{
    GenericArgument, Ident, PathArguments, ReturnType, Signature, Stmt, Type, TypeParamBound,
};

use crate::args::{Boxing, GenOptions};
use crate::emit::{self, combine};
use crate::signature::{self, GenFn};
use crate::visit::{Kind, Names};

/// The three types of a coroutine.
struct CoTypes {
    /// The user's `Coroutine<..>` / `AsyncCoroutine<..>` bound, as written.
    bound: syn::TraitBound,
    sent: Type,
    yielded: Type,
    ret: Type,
    /// The other bounds the user wrote: `+ Send`, `+ 'a`.
    others: Vec<TypeParamBound>,
}

const FORM: &str = "impl Coroutine<Sent, Yield = Y, Return = R>";
const ASYNC_FORM: &str = "impl AsyncCoroutine<Sent, Yield = Y, Return = R>";

/// Reads `-> impl Coroutine<S, Yield = Y, Return = R> (+ bounds)` (or
/// `AsyncCoroutine` for an `async fn`).
fn coroutine_types(sig: &Signature, is_async: bool) -> syn::Result<CoTypes> {
    let (trait_name, form) = if is_async {
        ("AsyncCoroutine", ASYNC_FORM)
    } else {
        ("Coroutine", FORM)
    };
    let ty = match &sig.output {
        ReturnType::Type(_, ty) => ty,
        ReturnType::Default => {
            return Err(syn::Error::new(
                sig.paren_token.span.close(),
                format!(
                    "`#[coroutine]` needs the coroutine's three types, like Python's \
                     `Generator[Y, S, R]`: write `-> {form}` after the arguments"
                ),
            ));
        }
    };
    let Type::ImplTrait(impl_trait) = &**ty else {
        return Err(syn::Error::new(
            ty.span(),
            format!(
                "`#[coroutine]` functions return `{form}`, stating the types the coroutine \
                 yields, receives and returns; the items it yields go in `Yield = ..`"
            ),
        ));
    };
    let found = coroutine_bound(impl_trait);
    let others = impl_trait
        .bounds
        .iter()
        .filter(|b| !matches!(b, TypeParamBound::Trait(t) if found == Some(t)))
        .cloned()
        .collect();
    let Some(bound) = found else {
        return Err(syn::Error::new(
            impl_trait.span(),
            format!("`#[coroutine]` functions return `{form}`"),
        ));
    };
    let last = bound
        .path
        .segments
        .last()
        .expect("matched on the last segment");
    if last.ident != trait_name {
        let message = if is_async {
            format!("an `async` coroutine is resumed with `.await`: write `{ASYNC_FORM}`")
        } else {
            format!(
                "`{}` is for `#[coroutine] async fn`; this one is not `async`: write `{FORM}`",
                last.ident
            )
        };
        return Err(syn::Error::new(last.ident.span(), message));
    }
    let (mut sent, mut yielded, mut ret) = (None, None, None);
    if let PathArguments::AngleBracketed(args) = &last.arguments {
        for arg in &args.args {
            match arg {
                GenericArgument::Type(ty) if sent.is_none() => sent = Some(ty.clone()),
                GenericArgument::AssocType(assoc)
                    if assoc.ident == "Yield" && yielded.is_none() =>
                {
                    yielded = Some(assoc.ty.clone());
                }
                GenericArgument::AssocType(assoc) if assoc.ident == "Return" && ret.is_none() => {
                    ret = Some(assoc.ty.clone());
                }
                other => {
                    return Err(syn::Error::new(
                        other.span(),
                        format!("unexpected argument: a coroutine is written `{form}`"),
                    ));
                }
            }
        }
    }
    let missing: Vec<&str> = [
        (
            sent.is_none(),
            "the sent type (the first argument, `()` if nothing is sent)",
        ),
        (yielded.is_none(), "`Yield = ..`"),
        (ret.is_none(), "`Return = ..`"),
    ]
    .into_iter()
    .filter_map(|(missing, what)| missing.then_some(what))
    .collect();
    match (sent, yielded, ret) {
        (Some(sent), Some(yielded), Some(ret)) => Ok(CoTypes {
            bound: bound.clone(),
            sent,
            yielded,
            ret,
            others,
        }),
        _ => Err(syn::Error::new(
            bound.span(),
            format!(
                "a coroutine states all three of its types, like Python's `Generator[Y, S, R]`: \
                 write `{form}`; missing: {}",
                missing.join(", ")
            ),
        )),
    }
}

/// The path of the `Coroutine` / `AsyncCoroutine` bound in the return type, without its
/// arguments.
fn trait_path(sig: &Signature) -> Option<syn::Path> {
    let ReturnType::Type(_, ty) = &sig.output else {
        return None;
    };
    let Type::ImplTrait(impl_trait) = &**ty else {
        return None;
    };
    let mut path = coroutine_bound(impl_trait)?.path.clone();
    for segment in &mut path.segments {
        segment.arguments = PathArguments::None;
    }
    Some(path)
}

/// The `Coroutine<..>` / `AsyncCoroutine<..>` bound of an `impl` type, by its last
/// path segment (so `agen::Coroutine` and an imported `Coroutine` both match).
fn coroutine_bound(impl_trait: &syn::TypeImplTrait) -> Option<&syn::TraitBound> {
    impl_trait.bounds.iter().find_map(|bound| match bound {
        TypeParamBound::Trait(t)
            if t.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "Coroutine" || s.ident == "AsyncCoroutine") =>
        {
            Some(t)
        }
        _ => None,
    })
}

/// The coroutine's body closure.
///
/// Output:
/// ```text
/// generator_body!(Co<Y, S>, yielder, first, { // `Co::new(move |token, first: S| async move {`
///     prelude;
///     unnamed_first_resume(first); // when `first = name` is not given
///     let ret: R = 'body: { stmts };
///     ret
/// })
/// ```
fn coroutine_body(
    names: &Names,
    types: &CoTypes,
    first: Option<&Ident>,
    is_async: bool,
    prelude: TokenStream,
    stmts: &[Stmt],
) -> TokenStream {
    let CoTypes {
        sent,
        yielded,
        ret,
        bound: _,
        others: _,
    } = types;
    let Names { yielder, label, .. } = names;
    let runtime = if is_async {
        quote!(AsyncCo)
    } else {
        quote!(Co)
    };
    let (first_param, first_check) = match first {
        Some(name) => (name.to_token_stream(), TokenStream::new()),
        None => {
            let sent_span = sent.span();
            let unnamed = Ident::new("first_resume", Span::mixed_site().located_at(sent_span));
            (
                unnamed.to_token_stream(),
                quote_spanned!(sent_span=> ::agen::__private::unnamed_first_resume::<#sent>(#unnamed);),
            )
        }
    };
    let ret_var = Ident::new("returned", Span::mixed_site());
    // See `emit::body_closure`.
    quote! {
        ::agen::__private::generator_body!(#runtime<#yielded, #sent>, #yielder, #first_param, {
            #prelude
            #first_check
            #[allow(unused_labels)]
            let #ret_var: #ret = #label: { #(#stmts)* };
            #ret_var
        })
    }
}

// Input:
//     #[coroutine] fn f<G>(args) -> impl Coroutine<S, Yield = Y, Return = R> where W { body }
// Output:
//     fn f<G>(args) -> impl ::agen::Coroutine<S, Yield = Y, Return = R> where W {
//         Co::new(move |mut y, first: S| async move { let r: R = 'body: { ..body.. }; r })
//     }
// `async fn` gives an `AsyncCoroutine` (`AsyncCo`); `boxed` / `boxed_local` return
// `Pin<Box<dyn Coroutine<..> (+ Send) + 'a>>`.
pub(crate) fn coroutine(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let options = GenOptions::parse(attr, "coroutine")?;
    let GenFn {
        attrs,
        vis,
        mut sig,
        body,
    } = syn::parse2(item)?;
    let is_async = sig.asyncness.is_some();
    let mut errors = Vec::new();
    signature::check_sync(&sig, "coroutine", true, &mut errors);
    let types = coroutine_types(&sig, is_async)
        .map_err(|e| errors.push(e))
        .ok();
    let Some(body) = body else {
        errors.push(emit::needs_body(
            &sig,
            "coroutine",
            "fn name(&self) -> impl Coroutine<S, Yield = Y, Return = R> + '_;",
        ));
        return Err(combine(errors).expect("an error was just pushed"));
    };
    let Some(types) = types else {
        // Without the types there is no signature to keep: report the errors, and use
        // the user's trait path so its import is not reported as unused on top.
        let errors = combine(errors).map(|e| e.into_compile_error());
        let uses = trait_path(&sig)
            .map(|path| quote!(const _: () = { #[allow(unused_imports)] use #path as _; };));
        return Ok(quote!(#errors #uses));
    };

    signature::strip_async(&mut sig);
    let prelude = signature::bind_arguments(&mut sig);
    let names = Names::new();
    let mut stmts = body.stmts;
    let kind = if is_async {
        Kind::AsyncCoroutine
    } else {
        Kind::Coroutine
    };
    emit::rewrite_body(kind, &names, &mut stmts, &mut errors);
    let co = coroutine_body(
        &names,
        &types,
        options.first.as_ref(),
        is_async,
        prelude,
        &stmts,
    );
    // The user's own path to the trait is kept (`impl Coroutine<..>` with the trait
    // imported), so the import is used and errors name what the user wrote.
    let trait_ = &types.bound;
    let block = match options.boxing {
        Boxing::None => {
            // A fresh `impl` (this crate's edition: it captures every lifetime in scope,
            // as an `async fn` does, even in a 2021-edition caller).
            let others = &types.others;
            signature::set_return(&mut sig, quote!(impl #trait_ #(+ #others)*));
            co
        }
        Boxing::Send | Boxing::Local => emit::boxed(&mut sig, options.boxing, quote!(#trait_), co),
    };
    Ok(emit::function(errors, &attrs, &vis, &sig, block))
}
