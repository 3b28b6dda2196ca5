//! Macro calls in a body: agen's own (`yield_!`, `yield_from!`, an eager `collect!`
//! whose loops run in the body), macros that build generators of their own (left
//! alone), and everyone else's, whose input is walked so a yield or `?` in it is
//! rewritten too.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;
use syn::{Block, Expr, Macro, Path, Token};

use super::Rewriter;
use crate::comprehension::{self, ForAwaitClauses};
use crate::errors::Errors;

/// What a macro call in a body is to the rewriter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    /// `yield_!(value)`.
    Yield,
    /// `yield_from!(inner)`.
    YieldFrom,
    /// agen's `collect!`: expanded in place when its loops run in the body.
    Collect,
    /// A macro that builds a generator or futures of its own (`stream!`, `iter!`, any
    /// other `collect!`): the yields, `?` and `for await` inside belong to what it
    /// builds, so the rewriter never reaches in (it would hand the outer generator's
    /// handle to the inner one).
    Generator,
    /// Anything else: its input is walked.
    Other,
}

/// Whether `path` names one of agen's macros: written bare (`yield_!`, which needs no
/// import) or under `agen::`.
fn is_agens(path: &Path) -> bool {
    let segments = &path.segments;
    segments.len() == 1 || (segments.len() == 2 && segments[0].ident == "agen")
}

/// The rule, in one place: agen's own macros by their name, bare or under `agen::`;
/// generator-building macros by their last segment, whoever defines them (not reaching
/// into a generator is the safe mistake).
fn role(path: &Path) -> Role {
    let Some(last) = path.segments.last() else {
        return Role::Other;
    };
    let name = last.ident.to_string();
    match name.as_str() {
        "yield_" if is_agens(path) => Role::Yield,
        "yield_from" if is_agens(path) => Role::YieldFrom,
        "collect" if is_agens(path) => Role::Collect,
        "stream" | "iter" | "collect" => Role::Generator,
        _ => Role::Other,
    }
}

impl Rewriter<'_> {
    /// A macro call in the body: returns what replaces it, or rewrites its input in
    /// place and returns `None`.
    pub(super) fn macro_call(&mut self, mac: &mut Macro) -> Option<Expr> {
        match role(&mac.path) {
            Role::Yield => Some(self.yield_macro(mac)),
            Role::YieldFrom => Some(self.yield_from_macro(mac)),
            Role::Collect => self.inline_collect(mac),
            Role::Generator => None,
            Role::Other => {
                self.foreign(mac);
                None
            }
        }
    }

    /// Input: `yield_!(value)` / `yield_!()`
    fn yield_macro(&mut self, mac: &Macro) -> Expr {
        let span = mac.path.span();
        let value = if mac.tokens.is_empty() {
            None
        } else {
            match mac.parse_body::<Expr>() {
                Ok(mut value) => {
                    self.visit_expr_mut(&mut value);
                    Some(value)
                }
                Err(err) => return self.error(err.span(), err),
            }
        };
        self.yield_expr(span, "`yield_!`", value)
    }

    /// Input: `yield_from!(inner)` / `yield_from!(sub, first)`
    fn yield_from_macro(&mut self, mac: &Macro) -> Expr {
        let span = mac.path.span();
        match mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
            Ok(args) if (1..=2).contains(&args.len()) => {
                let mut args = args.into_iter();
                let mut inner = args.next().unwrap_or(Expr::Verbatim(TokenStream::new()));
                self.visit_expr_mut(&mut inner);
                let first = args.next().map(|mut first| {
                    self.visit_expr_mut(&mut first);
                    first
                });
                self.yield_from_expr(span, inner, first)
            }
            Ok(_) => self.error(
                mac.delimiter.span().join(),
                "`yield_from!` takes what to delegate to: `yield_from!(inner)` (in a coroutine \
                 also `yield_from!(sub, first_value)`)",
            ),
            Err(err) => self.error(err.span(), err),
        }
    }

    /// Input: an eager `collect![..]` whose input has a `?`, a yield or an `.await`
    /// Output: its loops, written in place and rewritten like the rest of the body
    ///
    /// The eager form's contract is that `?`, `.await` and `return` act on the
    /// enclosing function. In a generator that function is the generator, but a macro
    /// call is expanded only after this rewrite; so the comprehension is lowered here,
    /// and its `?` yields the error and ends the generator like any other `?` in the
    /// body. Lazy and buffered forms build their own generators and futures, whose
    /// bodies own their `?`; they, and any input `collect!` rejects, stay macro calls.
    fn inline_collect(&mut self, mac: &Macro) -> Option<Expr> {
        if !mentions_rewritable(mac.tokens.clone()) {
            return None;
        }
        let mut errors = Errors::new();
        let comprehension = comprehension::Comprehension::parse(mac.tokens.clone(), &mut errors)?;
        if errors.len() > 0 || !comprehension.runs_in_place() {
            return None;
        }
        let mut lowered = comprehension::lower::eager(&comprehension, ForAwaitClauses::Marked);
        self.visit_expr_mut(&mut lowered);
        self.changed = true;
        Some(lowered)
    }

    /// Walks the input of a macro that is not agen's (`select!`, `vec!`, `format!`,
    /// ...), rewriting what it can reach: parsed as expressions or statements where
    /// possible, otherwise token by token.
    fn foreign(&mut self, mac: &mut Macro) {
        if !mentions_rewritable(mac.tokens.clone()) {
            return;
        }
        let saved = core::mem::replace(&mut self.changed, false);
        if let Ok(mut exprs) =
            Punctuated::<Expr, Token![,]>::parse_terminated.parse2(mac.tokens.clone())
        {
            for expr in &mut exprs {
                self.visit_expr_mut(expr);
            }
            if self.changed {
                mac.tokens = exprs.into_token_stream();
            }
        } else if let Ok(mut stmts) = Block::parse_within.parse2(mac.tokens.clone()) {
            for stmt in &mut stmts {
                self.visit_stmt_mut(stmt);
            }
            if self.changed {
                mac.tokens = quote!(#(#stmts)*);
            }
        } else {
            let tokens = self.walk_tokens(mac.tokens.clone());
            if self.changed {
                mac.tokens = tokens;
            }
        }
        self.changed |= saved;
    }

    /// Token-level fallback for macro input that is not Rust syntax as a whole
    /// (`select! { v = fut => yield_!(v), }`): rewrites `yield_!(..)` and
    /// `yield_from!(..)` calls, and the statements of `{ .. }` groups.
    fn walk_tokens(&mut self, tokens: TokenStream) -> TokenStream {
        let mut out = Vec::new();
        let mut iter = tokens.into_iter().peekable();
        while let Some(tt) = iter.next() {
            match tt {
                TokenTree::Ident(ident) if ident == "yield_" || ident == "yield_from" => {
                    let bang =
                        matches!(iter.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                    if !bang {
                        out.push(TokenTree::Ident(ident));
                        continue;
                    }
                    let bang = iter.next();
                    match iter.next() {
                        Some(TokenTree::Group(args)) => {
                            let mac = Macro {
                                path: ident.clone().into(),
                                bang_token: Token![!](ident.span()),
                                delimiter: delimiter_of(&args),
                                tokens: args.stream(),
                            };
                            let expr = if ident == "yield_" {
                                self.yield_macro(&mac)
                            } else {
                                self.yield_from_macro(&mac)
                            };
                            out.extend(expr.into_token_stream());
                        }
                        other => {
                            out.push(TokenTree::Ident(ident));
                            out.extend(bang);
                            out.extend(other);
                        }
                    }
                }
                TokenTree::Group(group) => {
                    let inner = group.stream();
                    let rewritten = match Block::parse_within.parse2(inner.clone()) {
                        Ok(mut stmts) if group.delimiter() == Delimiter::Brace => {
                            for stmt in &mut stmts {
                                self.visit_stmt_mut(stmt);
                            }
                            quote!(#(#stmts)*)
                        }
                        _ => self.walk_tokens(inner),
                    };
                    let mut new = Group::new(group.delimiter(), rewritten);
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                }
                other => out.push(other),
            }
        }
        out.into_iter().collect()
    }
}

/// Whether a macro's input has anything the rewriter acts on.
fn mentions_rewritable(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|tt| match tt {
        TokenTree::Ident(ident) => {
            ident == "yield_" || ident == "yield_from" || ident == "yield" || ident == "for_await"
        }
        TokenTree::Punct(punct) => punct.as_char() == '?',
        TokenTree::Group(group) => mentions_rewritable(group.stream()),
        TokenTree::Literal(_) => false,
    })
}

fn delimiter_of(group: &Group) -> syn::MacroDelimiter {
    let span = group.delim_span();
    match group.delimiter() {
        Delimiter::Brace => syn::MacroDelimiter::Brace(syn::token::Brace(span)),
        Delimiter::Bracket => syn::MacroDelimiter::Bracket(syn::token::Bracket(span)),
        _ => syn::MacroDelimiter::Paren(syn::token::Paren(span)),
    }
}
