//! A generator function's signature: parsing it, and rewriting it into the signature
//! of a function that returns the generator. (What each form requires of it is in
//! `form.rs`.)

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{
    Attribute, Block, FnArg, GenericParam, Lifetime, Pat, PatIdent, ReturnType, Signature, Token,
    Type, TypeParamBound, Visibility, WherePredicate, parse_quote,
};

/// A function with an optional body: a free function, an inherent or trait-impl method,
/// or a trait method declaration (which the attributes reject with a hint).
pub(crate) struct GenFn {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) vis: Visibility,
    pub(crate) sig: Signature,
    pub(crate) body: Option<Block>,
}

impl Parse for GenFn {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis = input.parse()?;
        let sig = input.parse()?;
        let body = if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
            None
        } else {
            Some(input.parse()?)
        };
        Ok(Self {
            attrs,
            vis,
            sig,
            body,
        })
    }
}

/// Moves every argument into the generator's body and binds it there, as an `async fn`
/// does: an argument the body never mentions still lives as long as the generator, and
/// once the body has started the arguments are dropped in reverse order after the
/// body's locals (when it finishes, or is dropped mid-body); before, in order.
///
/// Input: `fn f(&self, mut a: A, (b, c): (B, C))`
/// Output: `fn f(&self, a: A, __agen_arg2: (B, C))`, and the statements
/// `let _ = &self; let mut a = a; let mut __agen_arg2 = __agen_arg2; let (b, c) = __agen_arg2;`
/// for the top of the body. The argument names keep their own spans, so a function a
/// user macro wrote still resolves them, and a raw identifier (`r#type`) stays one.
pub(crate) fn bind_arguments(sig: &mut Signature) -> TokenStream {
    let mut prelude = TokenStream::new();
    for (i, input) in sig.inputs.iter_mut().enumerate() {
        match input {
            // `self` cannot be bound again; as the first argument it is dropped last
            // either way.
            // (With the receiver's own `self`, which a user macro may have written.)
            FnArg::Receiver(receiver) => {
                let self_token = receiver.self_token;
                prelude.extend(quote!(let _ = &#self_token;));
            }
            FnArg::Typed(arg) => match &mut *arg.pat {
                Pat::Ident(PatIdent {
                    by_ref: None,
                    subpat: None,
                    mutability,
                    ident,
                    ..
                }) => {
                    // The binding in the body is the mutable one; the argument's own
                    // `mut` would be unused.
                    let mutability = mutability.take();
                    prelude.extend(quote! {
                        #[allow(
                            clippy::used_underscore_binding,
                            clippy::no_effect_underscore_binding,
                            clippy::redundant_locals
                        )]
                        let #mutability #ident = #ident;
                    });
                }
                _ => {
                    let name = format_ident!("__agen_arg{}", i, span = Span::mixed_site());
                    let pat = core::mem::replace(&mut *arg.pat, parse_quote!(#name));
                    // `mut`, for patterns that bind by `ref mut`.
                    prelude.extend(quote! {
                        #[allow(unused_mut)]
                        let mut #name = #name;
                        let #pat = #name;
                    });
                }
            },
        }
    }
    prelude
}

/// For the `boxed` options: the lifetime of the returned `dyn` type, chosen so the
/// signature stays the one a user would write by hand where that is possible (a trait
/// impl's method must match its declaration, and a lifetime given a bound no longer
/// does):
///
/// - no type parameters, no `impl Trait` and no `self` by value, and the inputs show
///   no lifetime: none, so `'static` (`fn f(n: u32)`);
/// - the same, with one lifetime in the inputs: that one, `'_` if it is elided
///   (`fn f(&self)`, `fn f<'a>(x: &'a str, y: &'a str)`);
/// - otherwise, a new lifetime every input outlives ([`add_outlived_lifetime`]).
///
/// A lifetime a type hides (`c: Chars` for `Chars<'_>`) cannot be seen here: with
/// nothing else in the inputs, the stream is `'static`, which such an argument cannot
/// be part of, and [`hidden_lifetimes_check`] has the compiler point at it.
pub(crate) fn box_lifetime(sig: &mut Signature) -> Option<Lifetime> {
    let mut seen = SeenLifetimes::default();
    let mut simple = !sig
        .generics
        .params
        .iter()
        .any(|p| matches!(p, GenericParam::Type(_)));
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => match &receiver.reference {
                Some((_, lifetime)) if receiver.colon_token.is_none() => {
                    seen.add(lifetime.as_ref());
                }
                _ => simple = false,
            },
            FnArg::Typed(arg) => seen.visit_type_mut(&mut arg.ty.clone()),
        }
    }
    if !simple || seen.impl_trait {
        return Some(add_outlived_lifetime(sig));
    }
    match seen.lifetimes.as_slice() {
        [] => None,
        [None] => Some(Lifetime::new("'_", Span::call_site())),
        [Some(named), rest @ ..] if rest.iter().all(|l| l.as_ref() == Some(named)) => {
            Some(named.clone())
        }
        _ => Some(add_outlived_lifetime(sig)),
    }
}

/// For a `'static` boxed return type: a statement that makes every lifetime hidden in
/// an argument's type an error at that type, with the compiler's fix (`Chars<'_>`),
/// before the error about the returned value's lifetime, which points at the attribute.
///
/// Input: `fn f(c: Chars, n: u32)`
/// Output: `#[deny(elided_lifetimes_in_paths)] let _: PhantomData<(Chars, u32,)>;`
pub(crate) fn hidden_lifetimes_check(sig: &Signature) -> TokenStream {
    let types = sig.inputs.iter().filter_map(|input| match input {
        FnArg::Typed(arg) => Some(&arg.ty),
        FnArg::Receiver(_) => None,
    });
    quote! {
        #[deny(elided_lifetimes_in_paths)]
        let _: ::core::marker::PhantomData<(#(#types,)*)>;
    }
}

/// The lifetimes written or elided in argument types (`None` for an elided one), and
/// whether an `impl Trait` is among them.
#[derive(Default)]
struct SeenLifetimes {
    lifetimes: Vec<Option<Lifetime>>,
    impl_trait: bool,
}

impl SeenLifetimes {
    fn add(&mut self, lifetime: Option<&Lifetime>) {
        self.lifetimes
            .push(lifetime.filter(|l| l.ident != "_").cloned());
    }
}

impl VisitMut for SeenLifetimes {
    fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
        self.add(reference.lifetime.as_ref());
        self.visit_type_mut(&mut reference.elem);
    }

    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        self.add(Some(lifetime));
    }

    fn visit_type_impl_trait_mut(&mut self, _: &mut syn::TypeImplTrait) {
        self.impl_trait = true;
    }

    // `fn(&u8)` and `Fn(&u8)` have elision scopes of their own.
    fn visit_type_bare_fn_mut(&mut self, _: &mut syn::TypeBareFn) {}
    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        _: &mut syn::ParenthesizedGenericArguments,
    ) {
    }
}

/// For the `boxed` options: names every elided lifetime of the inputs and introduces one
/// lifetime that every input outlives, for the `dyn Stream + 'lifetime` return type.
///
/// Input: `fn f<T>(&self, x: &str, y: impl Display)`
/// Output: `fn f<'__agen_lt0: '__agen, '__agen_lt1: '__agen, '__agen, T: '__agen>(
///     &'__agen_lt0 self, x: &'__agen_lt1 str, y: impl Display + '__agen) where Self: '__agen`
pub(crate) fn add_outlived_lifetime(sig: &mut Signature) -> Lifetime {
    let bound = Lifetime::new("'__agen", Span::call_site());
    let mut namer = NameElided::default();
    let mut has_receiver = false;
    for input in &mut sig.inputs {
        match input {
            FnArg::Receiver(receiver) => {
                has_receiver = true;
                if let Some((_, lifetime)) = &mut receiver.reference {
                    if lifetime.as_ref().is_none_or(|l| l.ident == "_") {
                        *lifetime = Some(namer.fresh());
                    }
                } else if receiver.colon_token.is_some() {
                    namer.visit_type_mut(&mut receiver.ty);
                }
            }
            FnArg::Typed(arg) => {
                namer.visit_type_mut(&mut arg.ty);
                AddImplBound(&bound).visit_type_mut(&mut arg.ty);
            }
        }
    }
    let mut existing: Vec<GenericParam> = sig.generics.params.iter().cloned().collect();
    let mut params: Vec<GenericParam> = namer
        .named
        .iter()
        .map(|l| {
            let mut param = syn::LifetimeParam::new(l.clone());
            param.bounds.push(bound.clone());
            GenericParam::Lifetime(param)
        })
        .collect();
    params.push(GenericParam::Lifetime(syn::LifetimeParam::new(
        bound.clone(),
    )));
    let where_clause = sig.generics.make_where_clause();
    // Each parameter gets `: '__agen` where its other bounds already are (inline or in
    // the `where` clause), so `clippy::multiple_bound_locations` stays quiet.
    for param in &mut existing {
        match param {
            GenericParam::Lifetime(l) => {
                if !add_to_where(where_clause, &l.lifetime.to_token_stream(), &bound) {
                    l.bounds.push(bound.clone());
                }
            }
            GenericParam::Type(t) => {
                if !add_to_where(where_clause, &t.ident.to_token_stream(), &bound) {
                    t.bounds.push(TypeParamBound::Lifetime(bound.clone()));
                }
            }
            GenericParam::Const(_) => {}
        }
    }
    if has_receiver {
        where_clause.predicates.push(parse_quote!(Self: #bound));
    }
    // Lifetimes come first in a generic parameter list.
    let (lifetimes, others): (Vec<_>, Vec<_>) = existing
        .into_iter()
        .partition(|p| matches!(p, GenericParam::Lifetime(_)));
    sig.generics.params = lifetimes.into_iter().chain(params).chain(others).collect();
    if sig.generics.lt_token.is_none() {
        sig.generics.lt_token = Some(Default::default());
        sig.generics.gt_token = Some(Default::default());
    }
    bound
}

/// Adds `bound` to the `where` predicate for `param` (a lifetime or a type
/// parameter's name), if there is one; says whether there was.
fn add_to_where(
    where_clause: &mut syn::WhereClause,
    param: &TokenStream,
    bound: &Lifetime,
) -> bool {
    let param = param.to_string();
    for predicate in &mut where_clause.predicates {
        match predicate {
            WherePredicate::Lifetime(p) if p.lifetime.to_string() == param => {
                p.bounds.push(bound.clone());
                return true;
            }
            WherePredicate::Type(p) if p.bounded_ty.to_token_stream().to_string() == param => {
                p.bounds.push(TypeParamBound::Lifetime(bound.clone()));
                return true;
            }
            _ => {}
        }
    }
    false
}

#[derive(Default)]
struct NameElided {
    named: Vec<Lifetime>,
}

impl NameElided {
    fn fresh(&mut self) -> Lifetime {
        let lifetime = Lifetime::new(
            &format!("'__agen_lt{}", self.named.len()),
            Span::call_site(),
        );
        self.named.push(lifetime.clone());
        lifetime
    }
}

impl VisitMut for NameElided {
    fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
        if reference.lifetime.is_none() {
            reference.lifetime = Some(self.fresh());
        }
        visit_mut::visit_type_reference_mut(self, reference);
    }

    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        if lifetime.ident == "_" {
            *lifetime = self.fresh();
        }
    }

    // `fn(&u8)` and `Fn(&u8)` have elision scopes of their own.
    fn visit_type_bare_fn_mut(&mut self, _: &mut syn::TypeBareFn) {}
    fn visit_parenthesized_generic_arguments_mut(
        &mut self,
        _: &mut syn::ParenthesizedGenericArguments,
    ) {
    }
}

struct AddImplBound<'a>(&'a Lifetime);

impl VisitMut for AddImplBound<'_> {
    fn visit_type_impl_trait_mut(&mut self, impl_trait: &mut syn::TypeImplTrait) {
        impl_trait
            .bounds
            .push(TypeParamBound::Lifetime(self.0.clone()));
    }

    // `&impl Display` becomes `&(impl Display + 'a)`: without the parentheses the `+`
    // would be ambiguous.
    fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
        visit_mut::visit_type_reference_mut(self, reference);
        if let Type::ImplTrait(_) = &*reference.elem {
            let elem = &reference.elem;
            *reference.elem = parse_quote!((#elem));
        }
    }
}

/// Input: `async fn f(args) -> Item` (already checked)
/// Output: `fn f(args) -> <ret>`, for the caller to fill in the return type.
pub(crate) fn strip_async(sig: &mut Signature) {
    sig.asyncness = None;
    sig.constness = None;
}

/// The type inside the invisible group a `macro_rules!` fragment (`$ty:ty`) arrives
/// in, and inside parentheses.
pub(crate) fn peel(ty: &Type) -> &Type {
    match ty {
        Type::Group(group) => peel(&group.elem),
        Type::Paren(paren) => peel(&paren.elem),
        ty => ty,
    }
}

/// Sets the return type, spanned at the user's item type so errors about the returned
/// type point there.
pub(crate) fn set_return(sig: &mut Signature, ret: TokenStream) {
    let span = match &sig.output {
        ReturnType::Type(arrow, _) => arrow.span(),
        ReturnType::Default => sig.paren_token.span.close(),
    };
    let ty: Type = syn::parse2(quote_spanned!(span=> #ret))
        .unwrap_or_else(|_| Type::Verbatim(ret.into_token_stream()));
    sig.output = ReturnType::Type(Token![->](span), Box::new(ty));
}
