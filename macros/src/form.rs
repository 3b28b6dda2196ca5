//! The attribute forms, and everything that differs between them: the options they
//! take, what their signature must look like, what it declares the generator yields,
//! and how the body is rewritten. The one driver that uses this is `function.rs`.

use proc_macro2::{Ident, TokenStream};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{GenericArgument, PathArguments, ReturnType, Signature, Type, TypeParamBound};

use crate::errors::Errors;
use crate::options::Opt;
use crate::rewrite::Kind;
use crate::signature;

/// An attribute macro that turns a function into a generator (or, for `#[for_await]`,
/// rewrites its loops).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Form {
    /// `#[async_gen] async fn f() -> Item`: a `Stream`.
    AsyncGen,
    /// `#[generator] fn f() -> Item`: an `Iterator`.
    Generator,
    /// `#[coroutine] (async) fn f() -> impl (Async)Coroutine<S, Yield = Y, Return = R>`.
    Coroutine,
    /// `#[for_await]` on an ordinary `async fn`: only its `#[for_await]` loops change.
    ForAwait,
}

/// What the signature declares the generator produces.
#[allow(clippy::large_enum_variant, reason = "one value per expansion")]
pub(crate) enum Output {
    /// `-> Item`: the items of a stream or iterator.
    Items(Type),
    /// `-> impl Coroutine<S, Yield = Y, Return = R> + bounds`.
    Coroutine(CoTypes),
    /// An ordinary `async fn`'s own return type.
    Unchanged,
}

/// The types of a coroutine, as its return type states them.
pub(crate) struct CoTypes {
    /// The user's `Coroutine<..>` / `AsyncCoroutine<..>` bound, as written.
    pub(crate) bound: TokenStream,
    pub(crate) sent: Type,
    pub(crate) yielded: Type,
    pub(crate) ret: Type,
    /// The other bounds the user wrote: `+ Send`, `+ 'a`.
    pub(crate) others: Vec<OtherBound>,
}

/// A bound after the coroutine trait, as written.
pub(crate) struct OtherBound {
    pub(crate) tokens: TokenStream,
    /// The last segment of a trait bound's path (`Send`); `None` for a lifetime.
    pub(crate) trait_name: Option<Ident>,
}

const CO_FORM: &str = "impl Coroutine<Sent, Yield = Y, Return = R>";
const ASYNC_CO_FORM: &str = "impl AsyncCoroutine<Sent, Yield = Y, Return = R>";

impl Form {
    /// The attribute's name, for messages.
    pub(crate) fn attr(self) -> &'static str {
        match self {
            Form::AsyncGen => "async_gen",
            Form::Generator => "generator",
            Form::Coroutine => "coroutine",
            Form::ForAwait => "for_await",
        }
    }

    /// The options the attribute takes.
    pub(crate) fn options(self) -> &'static [Opt] {
        match self {
            Form::AsyncGen => &[Opt::Boxed, Opt::BoxedLocal, Opt::Closable],
            Form::Generator => &[Opt::Boxed, Opt::BoxedLocal, Opt::Unboxed],
            Form::Coroutine => &[Opt::Boxed, Opt::BoxedLocal, Opt::First],
            Form::ForAwait => &[],
        }
    }

    /// What the body is, for the rewriter.
    pub(crate) fn kind(self, is_async: bool) -> Kind {
        match (self, is_async) {
            (Form::AsyncGen, _) => Kind::Stream,
            (Form::Generator, _) => Kind::Iter,
            (Form::Coroutine, false) => Kind::Coroutine,
            (Form::Coroutine, true) => Kind::AsyncCoroutine,
            (Form::ForAwait, _) => Kind::PlainAsync,
        }
    }

    /// A trait method declaration to write instead of the attribute (which needs a
    /// body).
    pub(crate) fn declaration(self) -> &'static str {
        match self {
            Form::AsyncGen => "fn name(&self) -> impl Stream<Item = Item> + '_;",
            Form::Generator => "fn name(&self) -> impl Iterator<Item = Item> + '_;",
            Form::Coroutine => "fn name(&self) -> impl Coroutine<S, Yield = Y, Return = R> + '_;",
            Form::ForAwait => "fn name(&self) -> impl Future<Output = T> + '_;",
        }
    }

    /// Checks the parts of the signature this form cares about; one error per
    /// problem, at the offending token.
    pub(crate) fn check_signature(self, sig: &Signature, errors: &mut Errors) {
        let attr = self.attr();
        if let Some(constness) = &sig.constness {
            let runs = if self == Form::AsyncGen {
                "polled"
            } else {
                "resumed"
            };
            errors.at(
                constness.span,
                format!(
                    "`#[{attr}]` cannot be applied to a `const fn`: a generator runs when it is \
                     {runs}, not at compile time; remove `const`"
                ),
            );
        }
        match (self, &sig.asyncness) {
            (Form::AsyncGen, None) => errors.at(
                sig.fn_token.span,
                format!(
                    "`#[{attr}]` needs an `async fn`: write `async fn {}(..) -> Item`",
                    sig.ident
                ),
            ),
            (Form::ForAwait, None) => errors.at(
                sig.fn_token.span,
                "`#[for_await]` needs an `async fn`: `for await` loops `.await` each item",
            ),
            (Form::Generator, Some(asyncness)) => errors.at(
                asyncness.span,
                format!(
                    "`#[{attr}]` makes a synchronous generator (an `Iterator`), so it cannot be \
                     `async`; remove `async`, or use `#[yieldkit::async_gen]` for a generator that \
                     awaits"
                ),
            ),
            _ => {}
        }
        if let Some(variadic) = &sig.variadic {
            errors.at(
                variadic.span(),
                format!("`#[{attr}]` cannot be applied to a variadic function"),
            );
        }
    }

    /// What the signature declares the generator produces; `None` (with errors) when
    /// it does not say.
    pub(crate) fn output(self, sig: &Signature, errors: &mut Errors) -> Option<Output> {
        match self {
            Form::AsyncGen | Form::Generator => match &sig.output {
                ReturnType::Type(_, ty) => Some(Output::Items(self.item_type(ty, errors))),
                ReturnType::Default => {
                    errors.at(
                        sig.paren_token.span.close(),
                        format!(
                            "`#[{}]` needs the item type: write `-> Item` after the arguments, \
                             where `Item` is the type of the values the body yields (`-> ()` \
                             for none)",
                            self.attr()
                        ),
                    );
                    None
                }
            },
            Form::Coroutine => coroutine_types(sig, sig.asyncness.is_some())
                .map_err(|err| errors.add(err))
                .ok()
                .map(Output::Coroutine),
            Form::ForAwait => Some(Output::Unchanged),
        }
    }

    /// The item type a generator function declares as its return type. An `impl Trait`
    /// there is reported: `impl Stream<Item = T>` (what a hand-written stream function
    /// returns) is read as `T`, anything else as `()`, so the mistake is one error.
    fn item_type(self, ty: &Type, errors: &mut Errors) -> Type {
        let Type::ImplTrait(impl_trait) = signature::peel(ty) else {
            return signature::copy_type(ty);
        };
        let (kind, returns) = match self {
            Form::AsyncGen => ("stream", "Stream"),
            _ => ("iterator", "Iterator"),
        };
        let attr = self.attr();
        let item = impl_trait.bounds.iter().find_map(|bound| match bound {
            TypeParamBound::Trait(t) => t.path.segments.last().and_then(|seg| {
                const ITEMS: [&str; 7] = [
                    "Stream",
                    "FusedStream",
                    "Iterator",
                    "FusedIterator",
                    "IntoIterator",
                    "DoubleEndedIterator",
                    "ExactSizeIterator",
                ];
                if !ITEMS.iter().any(|name| seg.ident == name) {
                    return None;
                }
                let PathArguments::AngleBracketed(args) = &seg.arguments else {
                    return None;
                };
                args.args.iter().find_map(|arg| match arg {
                    GenericArgument::AssocType(assoc) if assoc.ident == "Item" => {
                        Some(signature::copy_type(&assoc.ty))
                    }
                    _ => None,
                })
            }),
            _ => None,
        });
        match item {
            Some(item) => {
                let item_tokens = quote::ToTokens::to_token_stream(&item);
                errors.at(
                    ty.span(),
                    format!(
                        "`#[{attr}]` takes the item type as the return type: write \
                         `-> {item_tokens}` (the function then returns \
                         `impl {returns}<Item = {item_tokens}>`)"
                    ),
                );
                item
            }
            None => {
                errors.at(
                    ty.span(),
                    format!(
                        "the item type of a {kind} cannot be `impl Trait`: the {kind}'s type \
                         names it; write the type itself (`-> u32`), or a trait object \
                         (`-> Box<dyn Trait>`)"
                    ),
                );
                Type::Tuple(syn::TypeTuple {
                    paren_token: syn::token::Paren::default(),
                    elems: syn::punctuated::Punctuated::new(),
                })
            }
        }
    }
}

/// Reads `-> impl Coroutine<S, Yield = Y, Return = R> (+ bounds)` (or `AsyncCoroutine`
/// for an `async fn`).
fn coroutine_types(sig: &Signature, is_async: bool) -> syn::Result<CoTypes> {
    let (trait_name, form) = if is_async {
        ("AsyncCoroutine", ASYNC_CO_FORM)
    } else {
        ("Coroutine", CO_FORM)
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
    let Type::ImplTrait(impl_trait) = signature::peel(ty) else {
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
        .filter_map(|b| {
            let trait_name = match b {
                // The same bound, not an equal one: `found` is a reference into these
                // bounds.
                TypeParamBound::Trait(t) if found.is_some_and(|f| core::ptr::eq(f, t)) => {
                    return None;
                }
                TypeParamBound::Trait(t) => t.path.segments.last().map(|s| s.ident.clone()),
                _ => None,
            };
            Some(OtherBound {
                tokens: b.to_token_stream(),
                trait_name,
            })
        })
        .collect();
    let Some(bound) = found else {
        return Err(syn::Error::new(
            impl_trait.span(),
            format!("`#[coroutine]` functions return `{form}`"),
        ));
    };
    let Some(last) = bound.path.segments.last() else {
        return Err(syn::Error::new(bound.span(), format!("expected `{form}`")));
    };
    if last.ident != trait_name {
        let message = if is_async {
            format!("an `async` coroutine is resumed with `.await`: write `{ASYNC_CO_FORM}`")
        } else {
            format!(
                "`{}` is for `#[coroutine] async fn`; this one is not `async`: write `{CO_FORM}`",
                last.ident
            )
        };
        return Err(syn::Error::new(last.ident.span(), message));
    }
    let (mut sent, mut yielded, mut ret) = (None, None, None);
    if let PathArguments::AngleBracketed(args) = &last.arguments {
        for arg in &args.args {
            match arg {
                GenericArgument::Type(ty) if sent.is_none() => {
                    sent = Some(signature::copy_type(ty));
                }
                GenericArgument::AssocType(assoc)
                    if assoc.ident == "Yield" && yielded.is_none() =>
                {
                    yielded = Some(signature::copy_type(&assoc.ty));
                }
                GenericArgument::AssocType(assoc) if assoc.ident == "Return" && ret.is_none() => {
                    ret = Some(signature::copy_type(&assoc.ty));
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
            bound: bound.to_token_stream(),
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
/// arguments: used, when the types cannot be read, so that the user's import of the
/// trait is not reported as unused on top of the error.
pub(crate) fn coroutine_trait_path(sig: &Signature) -> Option<TokenStream> {
    let ReturnType::Type(_, ty) = &sig.output else {
        return None;
    };
    let Type::ImplTrait(impl_trait) = signature::peel(ty) else {
        return None;
    };
    let path = &coroutine_bound(impl_trait)?.path;
    let leading = &path.leading_colon;
    let segments = path.segments.iter().map(|segment| &segment.ident);
    Some(quote::quote!(#leading #(#segments)::*))
}

/// The `Coroutine<..>` / `AsyncCoroutine<..>` bound of an `impl` type, by its last
/// path segment (so `yieldkit::Coroutine` and an imported `Coroutine` both match).
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
