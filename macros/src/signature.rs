//! A generator function's signature: parsing it, and rewriting it into the signature
//! of a function that returns the generator. (What each form requires of it is in
//! `form.rs`.)

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{
    Attribute, Block, FnArg, GenericArgument, GenericParam, Lifetime, Pat, PatIdent, PathArguments,
    ReturnType, Signature, Token, Type, TypeParamBound, Visibility, WherePredicate, parse_quote,
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
/// Output: `fn f(&self, a: A, __yieldkit_arg2: (B, C))`, and the statements
/// `let _ = &self; let mut a = a; let mut __yieldkit_arg2 = __yieldkit_arg2; let (b, c) = __yieldkit_arg2;`
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
                let self_token = &receiver.self_token;
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
                    let name = format_ident!("__yieldkit_arg{}", i, span = Span::mixed_site());
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
    for input in &mut sig.inputs {
        match input {
            FnArg::Receiver(receiver) => match &receiver.reference {
                Some((_, lifetime)) if receiver.colon_token.is_none() => {
                    seen.add(lifetime.as_ref());
                }
                _ => simple = false,
            },
            // Only read: `SeenLifetimes` changes nothing.
            FnArg::Typed(arg) => walk_type(&mut arg.ty, &mut seen),
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
        let _: __yieldkit_private::core::marker::PhantomData<(#(#types,)*)>;
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

impl TypeWalk for SeenLifetimes {
    fn reference(&mut self, reference: &mut syn::TypeReference) {
        self.add(reference.lifetime.as_ref());
    }

    fn lifetime(&mut self, lifetime: &mut Lifetime) {
        self.add(Some(lifetime));
    }

    fn impl_trait(&mut self, _: &mut syn::TypeImplTrait) -> bool {
        self.impl_trait = true;
        false
    }
}

/// For the `boxed` options: names every elided lifetime of the inputs and introduces one
/// lifetime that every input outlives, for the `dyn Stream + 'lifetime` return type.
///
/// Input: `fn f<T>(&self, x: &str, y: impl Display)`
/// Output: `fn f<'__yieldkit_lt0: '__yieldkit, '__yieldkit_lt1: '__yieldkit, '__yieldkit, T: '__yieldkit>(
///     &'__yieldkit_lt0 self, x: &'__yieldkit_lt1 str, y: impl Display + '__yieldkit) where Self: '__yieldkit`
pub(crate) fn add_outlived_lifetime(sig: &mut Signature) -> Lifetime {
    let bound = Lifetime::new("'__yieldkit", Span::call_site());
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
                    walk_type(&mut receiver.ty, &mut namer);
                }
            }
            FnArg::Typed(arg) => {
                walk_type(&mut arg.ty, &mut namer);
                walk_type(&mut arg.ty, &mut AddImplBound(&bound));
            }
        }
    }
    let mut existing: Vec<GenericParam> = core::mem::take(&mut sig.generics.params)
        .into_iter()
        .collect();
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
    // Each parameter gets `: '__yieldkit` where its other bounds already are (inline or in
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
            &format!("'__yieldkit_lt{}", self.named.len()),
            Span::call_site(),
        );
        self.named.push(lifetime.clone());
        lifetime
    }
}

impl TypeWalk for NameElided {
    fn reference(&mut self, reference: &mut syn::TypeReference) {
        if reference.lifetime.as_ref().is_none_or(|l| l.ident == "_") {
            reference.lifetime = Some(self.fresh());
        }
    }

    fn lifetime(&mut self, lifetime: &mut Lifetime) {
        if lifetime.ident == "_" {
            *lifetime = self.fresh();
        }
    }
}

struct AddImplBound<'a>(&'a Lifetime);

impl TypeWalk for AddImplBound<'_> {
    fn impl_trait(&mut self, impl_trait: &mut syn::TypeImplTrait) -> bool {
        impl_trait
            .bounds
            .push(TypeParamBound::Lifetime(self.0.clone()));
        true
    }

    // `&impl Display` becomes `&(impl Display + 'a)`: without the parentheses the `+`
    // would be ambiguous.
    fn after_reference(&mut self, reference: &mut syn::TypeReference) {
        if let Type::ImplTrait(_) = &*reference.elem {
            let elem = &reference.elem;
            *reference.elem = parse_quote!((#elem));
        }
    }
}

/// What a walk over an argument's type does where lifetimes and `impl Trait` can be.
/// (A walk of its own rather than syn's `VisitMut`, each of whose implementations
/// compiles a visitor for the whole syntax tree into this crate.)
trait TypeWalk {
    /// At a reference, before its referent; the reference's lifetime is this hook's.
    fn reference(&mut self, _reference: &mut syn::TypeReference) {}
    /// After the referent.
    fn after_reference(&mut self, _reference: &mut syn::TypeReference) {}
    /// At a lifetime in generic arguments or bounds.
    fn lifetime(&mut self, _lifetime: &mut Lifetime) {}
    /// At an `impl Trait`; says whether to walk into its bounds.
    fn impl_trait(&mut self, _impl_trait: &mut syn::TypeImplTrait) -> bool {
        true
    }
}

/// Walks `ty`, except into `fn(..)` types and `Fn(..)` bounds, which have elision
/// scopes of their own.
fn walk_type(ty: &mut Type, walk: &mut dyn TypeWalk) {
    match ty {
        Type::Reference(reference) => {
            walk.reference(reference);
            walk_type(&mut reference.elem, walk);
            walk.after_reference(reference);
        }
        Type::Array(array) => walk_type(&mut array.elem, walk),
        Type::Slice(slice) => walk_type(&mut slice.elem, walk),
        Type::Ptr(ptr) => walk_type(&mut ptr.elem, walk),
        Type::Paren(paren) => walk_type(&mut paren.elem, walk),
        Type::Group(group) => walk_type(&mut group.elem, walk),
        Type::Tuple(tuple) => {
            for elem in &mut tuple.elems {
                walk_type(elem, walk);
            }
        }
        Type::Path(path) => {
            if let Some(qself) = &mut path.qself {
                walk_type(&mut qself.ty, walk);
            }
            walk_path(&mut path.path, walk);
        }
        Type::ImplTrait(impl_trait) => {
            if !walk.impl_trait(impl_trait) {
                return;
            }
            walk_bounds(impl_trait.bounds.iter_mut(), walk);
        }
        Type::TraitObject(object) => walk_bounds(object.bounds.iter_mut(), walk),
        _ => {}
    }
}

fn walk_path(path: &mut syn::Path, walk: &mut dyn TypeWalk) {
    for segment in &mut path.segments {
        let PathArguments::AngleBracketed(args) = &mut segment.arguments else {
            continue;
        };
        for arg in &mut args.args {
            match arg {
                GenericArgument::Lifetime(lifetime) => walk.lifetime(lifetime),
                GenericArgument::Type(ty) => walk_type(ty, walk),
                GenericArgument::AssocType(assoc) => walk_type(&mut assoc.ty, walk),
                GenericArgument::Constraint(constraint) => {
                    walk_bounds(constraint.bounds.iter_mut(), walk);
                }
                _ => {}
            }
        }
    }
}

fn walk_bounds<'b>(bounds: impl Iterator<Item = &'b mut TypeParamBound>, walk: &mut dyn TypeWalk) {
    for bound in bounds {
        match bound {
            TypeParamBound::Trait(bound) => walk_path(&mut bound.path, walk),
            TypeParamBound::Lifetime(lifetime) => walk.lifetime(lifetime),
            _ => {}
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

/// A copy of a type, as its tokens (spans included). syn's `Clone` impls are a feature
/// that would add to every user's build of syn; the few copies made here are emitted,
/// never looked into.
pub(crate) fn copy_type(ty: &Type) -> Type {
    Type::Verbatim(ty.to_token_stream())
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
