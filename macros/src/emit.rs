//! What every generator function's expansion shares: error collection, the body
//! rewrite, the closure the runtime types are built from, the `boxed` options, and the
//! emitted function.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Attribute, Ident, Signature, Stmt, Visibility};

use crate::args::Boxing;
use crate::signature;
use crate::visit::{Kind, Names, Rewriter};

/// Combines errors into one `compile_error!` list.
pub(crate) fn combine(errors: Vec<syn::Error>) -> Option<syn::Error> {
    let mut errors = errors.into_iter();
    let mut first = errors.next()?;
    first.extend(errors);
    Some(first)
}

/// The error for a generator attribute on a function without a body (a trait method
/// declaration), with the declaration to write instead.
pub(crate) fn needs_body(sig: &Signature, attr: &str, declaration: &str) -> syn::Error {
    syn::Error::new(
        sig.ident.span(),
        format!(
            "`#[{attr}]` goes on a function with a body; in a trait, declare \
             `{declaration}` and put `#[{attr}]` on the impl's method"
        ),
    )
}

/// Rewrites the body for `kind`, unless the signature already failed: then the body is
/// left out, so its errors do not pile up on top of the signature's, and callers still
/// see the intended signature.
pub(crate) fn rewrite_body(
    kind: Kind,
    names: &Names,
    stmts: &mut Vec<Stmt>,
    errors: &mut Vec<syn::Error>,
) {
    if errors.is_empty() {
        errors.extend(Rewriter::new(kind, names.clone()).rewrite(stmts));
    } else {
        stmts.clear();
    }
}

/// The closure a generator is built from, handed to its runtime type's constructor
/// (`runtime`: `AsyncGen` or `Generator`).
///
/// Output: `generator_body!(AsyncGen<Item>, yielder, { prelude; let () = 'body: { stmts }; })`,
/// which the runtime expands to
/// `AsyncGen::new(move |token| async move { let yielder = /* from token */; prelude; .. })`.
/// Making the handle is the one `unsafe` step of an expansion: it is left to that
/// macro, which names what it relies on with `$crate` paths a user crate cannot
/// redirect (a proc macro's `::agen::..` paths can be), and it is never among the
/// tokens a user macro in the body is given.
pub(crate) fn body_closure(
    runtime: &str,
    names: &Names,
    item: TokenStream,
    prelude: TokenStream,
    stmts: &[Stmt],
) -> TokenStream {
    let runtime = Ident::new(runtime, Span::call_site());
    let Names { yielder, label, .. } = names;
    quote! {
        ::agen::__private::generator_body!(#runtime<#item>, #yielder, {
            #prelude
            #[allow(unused_labels)]
            let () = #label: { #(#stmts)* };
        })
    }
}

/// The `boxed` / `boxed_local` options: returns `Pin<Box<dyn Trait (+ Send) + 'a>>`,
/// where every lifetime of the inputs outlives `'a`, and boxes `value`.
pub(crate) fn boxed(
    sig: &mut Signature,
    boxing: Boxing,
    dyn_trait: TokenStream,
    value: TokenStream,
) -> TokenStream {
    let bound = signature::add_outlived_lifetime(sig);
    let send = (boxing == Boxing::Send).then(|| quote!(+ ::core::marker::Send));
    signature::set_return(
        sig,
        quote!(::core::pin::Pin<::agen::__private::Box<dyn #dyn_trait #send + #bound>>),
    );
    quote!(::agen::__private::Box::pin(#value))
}

/// The emitted function: its errors, its attributes, the rewritten signature and body.
pub(crate) fn function(
    errors: Vec<syn::Error>,
    attrs: &[Attribute],
    vis: &Visibility,
    sig: &Signature,
    block: TokenStream,
) -> TokenStream {
    let errors = combine(errors).map(syn::Error::into_compile_error);
    quote! {
        #errors
        #(#attrs)*
        #vis #sig {
            #block
        }
    }
}
