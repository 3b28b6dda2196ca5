//! `for await`: the one lowering of a loop over a stream, used for `#[for_await]` loops
//! in generator bodies and ordinary `async fn`s, for `yield_from!` of a stream, and for
//! comprehensions' `for await` clauses.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprForLoop};

use super::local;

/// Whether `attr` is the `#[for_await]` marker (`#[yieldkit::for_await]`, or `#[for_await]`
/// with or without an import: inside a generator body it is never anything else).
pub(crate) fn is_marker(attr: &Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|seg| seg.ident == "for_await")
}

/// Whether a loop is marked `#[for_await]`.
pub(crate) fn has_marker(attrs: &[Attribute]) -> bool {
    attrs.iter().any(is_marker)
}

/// Input: `#[for_await] 'label: for pat in stream { body }`
/// Output:
/// ```text
/// {
///     let mut s = pin!(ForAwait::into_checked(stream));
///     'label: while let Some(x) = next(s.as_mut()).await {
///         let pat = x;
///         body
///     }
/// }
/// ```
/// `let pat = x;` keeps a `for` loop's rule that the pattern is irrefutable (and a
/// pattern with a type, `pat: T`, states the item type). `into_checked` gives one clear
/// error, at the stream, when it is not a `Stream`. The loop's other attributes stay on
/// it.
pub(crate) fn lower(for_loop: ExprForLoop) -> Expr {
    let Lowered {
        attrs,
        setup,
        looped,
        ..
    } = parts(for_loop);
    Expr::Verbatim(quote! {
        #(#attrs)*
        {
            #setup
            #looped
        }
    })
}

/// A loop over a stream, lowered, in pieces: a loop that closes what it owns wraps
/// the loop in a region (see `cleanup.rs`).
pub(crate) struct Lowered {
    /// The loop's attributes but the marker.
    pub(crate) attrs: Vec<Attribute>,
    /// `let mut s = pin!(ForAwait::into_checked(stream));`
    pub(crate) setup: TokenStream,
    /// The `while let` loop.
    pub(crate) looped: TokenStream,
    /// The pinned stream's local.
    pub(crate) stream: syn::Ident,
    pub(crate) span: proc_macro2::Span,
}

pub(crate) fn parts(for_loop: ExprForLoop) -> Lowered {
    let ExprForLoop {
        mut attrs,
        label,
        for_token,
        pat,
        expr,
        body,
        ..
    } = for_loop;
    let span = for_token.span;
    // The `.await` is reported where the user asked for one: at the marker (`await` in
    // `for await`, or `#[for_await]`).
    let await_span = attrs
        .iter()
        .find(|attr| is_marker(attr))
        .map_or(span, Spanned::span);
    attrs.retain(|attr| !is_marker(attr));
    // The body's statements go straight into the loop: a nested block would draw
    // `unused_braces` in the user's crate.
    let stmts = body.stmts;
    // A `let` takes an or-pattern only in parentheses.
    let pat = match *pat {
        syn::Pat::Or(or) => quote!((#or)),
        pat => quote!(#pat),
    };
    let stream = local("stream", span);
    let item = local("item", span);
    let expr_span = expr.span();
    let into_stream = quote_spanned!(expr_span=> __yieldkit_private::ForAwait::into_checked(#expr));
    let next = quote_spanned!(await_span=> __yieldkit_private::next(#stream.as_mut()).await);
    Lowered {
        attrs,
        setup: quote_spanned!(span=> let mut #stream = __yieldkit_private::core::pin::pin!(#into_stream);),
        looped: quote_spanned! {span=>
            #label while let __yieldkit_private::core::option::Option::Some(#item) = #next {
                let #pat = #item;
                #(#stmts)*
            }
        },
        stream,
        span,
    }
}
