//! Items inside a body (a nested `fn`, an `impl`, a `macro_rules!`): not part of the
//! generator. A `yield_!` or `yield_from!` in one is reported, saying why, instead of
//! the compiler's "cannot find macro `yield_`", and replaced by something that compiles
//! so that error is the only one.

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::quote_spanned;
use syn::{Attribute, Item};

use super::{Rewriter, is_yield_call};

impl Rewriter<'_> {
    pub(super) fn nested_item(&mut self, item: &mut Item) {
        let (what, attrs) = match item {
            Item::Fn(f) => ("a function", &f.attrs),
            Item::Impl(i) => ("an `impl` block", &i.attrs),
            Item::Trait(t) => ("a trait", &t.attrs),
            Item::Mod(m) => ("a module", &m.attrs),
            Item::Macro(m) if m.mac.path.is_ident("macro_rules") => {
                let tokens = core::mem::take(&mut m.mac.tokens);
                m.mac.tokens = self.yields_in_item(tokens, ItemKind::MacroRules);
                return;
            }
            Item::Const(c) => ("a constant", &c.attrs),
            Item::Static(s) => ("a static", &s.attrs),
            _ => return,
        };
        // A generator of its own (`#[yieldkit::generator] fn` in the body) reads its yields.
        if attrs.iter().any(makes_a_generator) {
            return;
        }
        let before = self.errors.len();
        let tokens = quote::ToTokens::into_token_stream(&*item);
        let rewritten = self.yields_in_item(tokens, ItemKind::Other(what));
        match syn::parse2(rewritten) {
            Ok(new) if self.errors.len() != before => *item = new,
            _ => {}
        }
    }

    /// Replaces each `yield_!(..)` / `yield_from!(..)` in `tokens` (outside the input
    /// of a macro that makes a generator of its own) with a diverging stand-in that
    /// keeps its arguments used, and reports it.
    fn yields_in_item(&mut self, tokens: TokenStream, kind: ItemKind) -> TokenStream {
        let mut out: Vec<TokenTree> = Vec::new();
        let mut iter = tokens.into_iter().peekable();
        while let Some(tt) = iter.next() {
            match tt {
                TokenTree::Ident(ident) if is_yield_call(&ident, iter.peek()) => {
                    let bang = iter.next();
                    let Some(TokenTree::Group(args)) = iter.next() else {
                        out.push(TokenTree::Ident(ident));
                        out.extend(bang);
                        continue;
                    };
                    let message = match kind {
                        ItemKind::MacroRules => format!(
                            "this `{ident}!` is in a `macro_rules!` defined in the generator's \
                             body, which expands after yieldkit has read the body, so it is not \
                             the generator's: write the yield in the body itself (the macro \
                             can make the value)"
                        ),
                        ItemKind::Other(what) => format!(
                            "this `{ident}!` is in {what} inside the generator's body: an item \
                             is not part of the generator, even written in its body; yield \
                             in the body itself (the item can return the value)"
                        ),
                    };
                    self.errors.at(ident.span(), message);
                    let args = args.stream();
                    let span = ident.span();
                    // The arguments stay used (as a tuple: no `unused_parens`).
                    let keep = (!args.is_empty()).then(|| quote_spanned!(span=> let _ = (#args,);));
                    out.extend(
                        quote_spanned!(span=> { #keep __yieldkit_private::core::unreachable!() }),
                    );
                }
                TokenTree::Group(group) if !makes_a_generator_call(&out) => {
                    let before = self.errors.len();
                    let inner = self.yields_in_item(group.stream(), kind);
                    if self.errors.len() == before {
                        out.push(TokenTree::Group(group));
                    } else {
                        let mut new = Group::new(group.delimiter(), inner);
                        new.set_span(group.span());
                        out.push(TokenTree::Group(new));
                    }
                }
                other => out.push(other),
            }
        }
        out.into_iter().collect()
    }
}

#[derive(Clone, Copy)]
enum ItemKind {
    MacroRules,
    Other(&'static str),
}

/// `#[async_gen]`, `#[yieldkit::generator]`, `#[yieldkit::coroutine]`, ...
fn makes_a_generator(attr: &Attribute) -> bool {
    attr.path().segments.last().is_some_and(|seg| {
        seg.ident == "async_gen" || seg.ident == "generator" || seg.ident == "coroutine"
    })
}

/// Whether `out` ends with `stream!`, `iter!` or `collect!`, whose input reads its own
/// yields.
fn makes_a_generator_call(out: &[TokenTree]) -> bool {
    matches!(
        out,
        [.., TokenTree::Ident(name), TokenTree::Punct(bang)]
            if bang.as_char() == '!' && (name == "stream" || name == "iter" || name == "collect")
    )
}
