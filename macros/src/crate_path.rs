//! The path expansions name the runtime crate by.
//!
//! Expansions name the runtime's `__private` module (all they use) by a placeholder,
//! `__yieldkit_private::..` (`core` too, as `__yieldkit_private::core::..`, so that a user
//! crate with its own `core` in scope changes nothing), and each macro imports the
//! module under the placeholder's name: a block form at the start of its expansion,
//! which is a block; an attribute form at the start of the function's block, and in
//! the signature (the return type) it replaces the placeholder with the path. (Only
//! the signature is walked: replacing every placeholder of a body took a third of an
//! attribute's expansion time.) The path reaches the module from the user's crate:
//!
//! - the block forms and `collect!` are `macro_rules!` of the runtime that pass
//!   `$crate` to the procedural macro, which works however the crate is named or
//!   re-exported;
//! - the attribute forms take `crate = path` (for a crate that reaches yieldkit only
//!   through another crate's re-export), or else find the name yieldkit has in the user's
//!   `Cargo.toml` (`yk = { package = "yieldkit" }`), or else use `::yieldkit`.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};

use crate::manifest;

/// The identifier expansions write for the runtime's `__private` module.
pub(crate) const PLACEHOLDER: &str = "__yieldkit_private";

/// The runtime crate's package name.
const PACKAGE: &str = "yieldkit";

/// The path to the runtime for an attribute form without `crate = path`: the name the
/// user's manifest gives it, else its own name.
pub(crate) fn from_manifest() -> TokenStream {
    let name = manifest::renamed_dependency(PACKAGE).unwrap_or_else(|| PACKAGE.to_owned());
    absolute(&name)
}

/// `::name`.
fn absolute(name: &str) -> TokenStream {
    let mut path = TokenStream::new();
    path.extend([
        TokenTree::Punct(Punct::new(':', Spacing::Joint)),
        TokenTree::Punct(Punct::new(':', Spacing::Alone)),
        TokenTree::Ident(Ident::new(name, Span::call_site())),
    ]);
    path
}

/// Splits the `($crate)` group a runtime `macro_rules!` puts before a block form's
/// input off it. Input invoked without one (the procedural macro called directly) gets
/// the manifest's path.
pub(crate) fn split_passed(input: TokenStream) -> (TokenStream, TokenStream) {
    let mut tokens = input.clone().into_iter();
    match tokens.next() {
        Some(TokenTree::Group(group)) if is_passed_path(&group) => {
            (group.stream(), tokens.collect())
        }
        _ => (from_manifest(), input),
    }
}

/// The runtime's `macro_rules!` pass `($crate)`, which user input cannot begin with
/// (`$crate` exists only inside a `macro_rules!`).
fn is_passed_path(group: &Group) -> bool {
    let mut inside = group.stream().into_iter();
    group.delimiter() == Delimiter::Parenthesis
        && matches!(inside.next(), Some(TokenTree::Ident(ident)) if ident == "$crate")
        && inside.next().is_none()
}

/// Replaces every placeholder in `tokens` with `path`, located where the placeholder
/// was (errors about a call through it point where they did) but resolving as `path`
/// does (`$crate` keeps naming the runtime).
pub(crate) fn resolve(tokens: TokenStream, path: &TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .flat_map(|tt| match tt {
            TokenTree::Ident(ident) if ident == PLACEHOLDER => {
                located_at(&quote::quote!(#path::__private), ident.span())
            }
            TokenTree::Group(group) => {
                let mut new = Group::new(group.delimiter(), resolve(group.stream(), path));
                new.set_span(group.span());
                TokenTree::Group(new).into()
            }
            other => other.into(),
        })
        .collect()
}

/// `path` with the placeholder's span, so that a call through it is one span with its
/// arguments (a span joined across contexts would point at the macro call instead).
/// A path from the manifest or `crate = ..` starts at the crate root, which any span
/// in the user's crate reaches.
fn located_at(path: &TokenStream, at: Span) -> TokenStream {
    path.clone()
        .into_iter()
        .map(|mut tt| {
            tt.set_span(at);
            tt
        })
        .collect()
}

/// The statement a block form's expansion and an attribute form's function block
/// start with: the runtime's `__private` imported under the placeholder's name.
pub(crate) fn import_statement(path: &TokenStream) -> TokenStream {
    let placeholder = Ident::new(PLACEHOLDER, Span::call_site());
    quote::quote! {
        #[allow(unused_imports)]
        use #path::__private as #placeholder;
    }
}

/// A block form's expansion, an expression, naming the runtime's `__private` by the
/// placeholder: an import of it under that name goes first. (`$crate` resolves by its
/// own span, so it cannot take the placeholders' spans; a name imported once can.)
pub(crate) fn import(expansion: TokenStream, path: &TokenStream) -> TokenStream {
    let import = import_statement(path);
    quote::quote! {{
        #import
        #expansion
    }}
}
