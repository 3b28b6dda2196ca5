//! Macro calls in a body: yieldkit's own (`yield_!`, `yield_from!`, an eager `collect!`
//! whose loops run in the body), macros that build generators of their own (left
//! alone), and everyone else's, whose input is walked so a yield or `?` in it is
//! rewritten too.

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Block, Expr, Macro, Path, Token};

use super::{Rewriter, Scope, Syntax};
use crate::comprehension::{self, ForAwaitClauses};
use crate::errors::Errors;

/// What a macro call in a body is to the rewriter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    /// `yield_!(value)`.
    Yield,
    /// `yield_from!(inner)`.
    YieldFrom,
    /// `defer! { .. }` where it is not a statement of a block (those are regions,
    /// `cleanup.rs`).
    Defer,
    /// yieldkit's `collect!`: expanded in place when its loops run in the body.
    Collect,
    /// A macro that builds a generator or futures of its own (`stream!`, `iter!`, any
    /// other `collect!`): the yields, `?` and `for await` inside belong to what it
    /// builds, so the rewriter never reaches in (it would hand the outer generator's
    /// handle to the inner one).
    Generator,
    /// Anything else: its input is walked.
    Other,
}

/// Whether `path` names one of yieldkit's macros: written bare (`yield_!`, which needs no
/// import) or under `yieldkit::`.
fn is_ours(path: &Path) -> bool {
    let segments = &path.segments;
    segments.len() == 1 || (segments.len() == 2 && segments[0].ident == "yieldkit")
}

/// The rule, in one place: yieldkit's own macros by their name, bare or under `yieldkit::`;
/// generator-building macros by their last segment, whoever defines them (not reaching
/// into a generator is the safe mistake).
fn role(path: &Path) -> Role {
    let Some(last) = path.segments.last() else {
        return Role::Other;
    };
    let name = last.ident.to_string();
    match name.as_str() {
        "yield_" if is_ours(path) => Role::Yield,
        "yield_from" if is_ours(path) => Role::YieldFrom,
        "defer" if is_ours(path) => Role::Defer,
        "collect" if is_ours(path) => Role::Collect,
        "stream" | "iter" | "collect" => Role::Generator,
        _ => Role::Other,
    }
}

impl Rewriter<'_> {
    /// A macro call in the body (`statement`: one ending in `;`): returns what
    /// replaces it, or rewrites its input in place and returns `None`.
    pub(super) fn macro_call(&mut self, mac: &mut Macro, statement: bool) -> Option<Expr> {
        match role(&mac.path) {
            Role::Yield => Some(self.yield_macro(mac)),
            Role::YieldFrom => Some(self.yield_from_macro(mac)),
            Role::Defer => Some(self.defer_not_statement(mac.path.span())),
            Role::Collect => self.inline_collect(mac, statement),
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
    ///
    /// As a statement (`collect![f(x)? for x in xs];`), nothing is collected: the loops
    /// run for what they do, each element evaluated and dropped, and there is no
    /// collection whose type would have to be inferred.
    fn inline_collect(&mut self, mac: &Macro, statement: bool) -> Option<Expr> {
        if !self.mentions_rewritable(mac.tokens.clone()) {
            return None;
        }
        let mut errors = Errors::new();
        let comprehension = comprehension::Comprehension::parse(mac.tokens.clone(), &mut errors)?;
        if errors.len() > 0 || !comprehension.runs_in_place() {
            return None;
        }
        let mut lowered = if statement && comprehension.options.try_.is_none() {
            comprehension::lower::discarded(comprehension, ForAwaitClauses::Marked)
        } else {
            comprehension::lower::eager(comprehension, ForAwaitClauses::Marked)
        };
        self.visit_expr_mut(&mut lowered);
        self.changed = true;
        Some(lowered)
    }

    /// Walks the input of a macro that is not yieldkit's (`select!`, `vec!`, `format!`,
    /// `matches!`, a user's own), rewriting what it can reach: read as expressions or
    /// statements where the whole input is Rust, otherwise piece by piece.
    fn foreign(&mut self, mac: &mut Macro) {
        if !self.mentions_rewritable(mac.tokens.clone()) {
            return;
        }
        let name = mac
            .path
            .segments
            .last()
            .map_or_else(String::new, |seg| seg.ident.to_string());
        let saved = core::mem::replace(&mut self.changed, false);
        let outer = core::mem::replace(&mut self.in_macro_input, true);
        let futures = takes_futures(&name);
        let tokens = if let Ok(mut exprs) =
            Punctuated::<Expr, Token![,]>::parse_terminated.parse2(mac.tokens.clone())
        {
            for expr in &mut exprs {
                if !(futures && self.yield_given_as_future(expr, &name)) {
                    self.visit_expr_mut(expr);
                }
            }
            exprs.into_token_stream()
        } else if let Ok(mut stmts) = Block::parse_within.parse2(mac.tokens.clone()) {
            for stmt in &mut stmts {
                self.visit_stmt_mut(stmt);
            }
            quote!(#(#stmts)*)
        } else {
            self.pieces(mac.tokens.clone(), &name, futures)
        };
        self.in_macro_input = outer;
        if self.changed {
            mac.tokens = tokens;
        }
        self.changed |= saved;
    }

    /// Macro input that is not Rust as a whole (`select! { v = f => yield v, }`,
    /// `matches!(x?, p if g)`, `kv!("a": f()?)`): split at its top-level separators
    /// (`,` `;` `=>` and a lone `=` or `:`), and each piece read as an expression where
    /// it is one, else walked token by token.
    fn pieces(&mut self, tokens: TokenStream, mac: &str, futures: bool) -> TokenStream {
        let mut out = TokenStream::new();
        // In `select!`, a branch's future comes after a lone `=` (`x = future => ..`).
        let mut after_eq = false;
        for piece in split_at_separators(tokens) {
            match piece {
                Piece::Separator(separator) => {
                    after_eq =
                        matches!(separator.as_slice(), [TokenTree::Punct(p)] if p.as_char() == '=');
                    out.extend(separator);
                }
                Piece::Tokens(tokens) => match syn::parse2::<Expr>(tokens.clone()) {
                    Ok(mut expr) => {
                        if futures && after_eq && self.yield_given_as_future(&mut expr, mac) {
                            out.extend(expr.into_token_stream());
                            continue;
                        }
                        let saved = core::mem::replace(&mut self.changed, false);
                        self.visit_expr_mut(&mut expr);
                        if self.changed {
                            out.extend(expr.into_token_stream());
                        } else {
                            out.extend(tokens);
                        }
                        self.changed |= saved;
                    }
                    Err(_) => out.extend(self.walk_tokens(tokens, mac)),
                },
            }
        }
        out
    }

    /// Token by token, for a piece that is not an expression: rewrites `yield_!(..)`
    /// and `yield_from!(..)` calls and the statements of `{ .. }` groups, splits other
    /// groups into pieces, and reports what it cannot rewrite there (a `?`, a bare
    /// `yield`, an `.await` where the generator cannot await) instead of leaving it to
    /// fail later with a confusing error.
    fn walk_tokens(&mut self, tokens: TokenStream, mac: &str) -> TokenStream {
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
                TokenTree::Ident(ident)
                    if ident == "yield"
                        && self.scope == Scope::Body
                        && self.syntax == Syntax::Bare =>
                {
                    self.errors.at(
                        ident.span(),
                        format!(
                            "this `yield` is in the input of `{mac}!`, which yieldkit cannot read \
                             as Rust here; put it in a block of its own: `{{ yield value; }}`"
                        ),
                    );
                    out.push(TokenTree::Ident(ident));
                }
                TokenTree::Punct(dot)
                    if dot.as_char() == '.'
                        && matches!(iter.peek(), Some(TokenTree::Ident(next)) if next == "await")
                        && self.scope == Scope::Body =>
                {
                    if let Some(TokenTree::Ident(await_)) = iter.peek() {
                        self.cannot_await(await_.span(), "await");
                    }
                    out.push(TokenTree::Punct(dot));
                }
                TokenTree::Punct(question)
                    if question.as_char() == '?'
                        && self.scope == Scope::Body
                        && self.kind.yields_residual() =>
                {
                    self.errors.at(
                        question.span(),
                        format!(
                            "this `?` is in the input of `{mac}!`, which yieldkit cannot read as \
                             Rust here, so it cannot make the `?` end the generator: take the \
                             value out first (`let value = expr?;`) and pass `value` to `{mac}!`"
                        ),
                    );
                    // In its place, something that type-checks (for `Result` and
                    // `Option`), so the error above is the only one.
                    out.extend(quote_spanned!(question.span()=> .unwrap()));
                    self.changed = true;
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
                        _ => self.pieces(inner, mac, false),
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

    /// A `yield_!(..)` given to `join!` / `select!` as one of its futures (Python's
    /// `await` habits): reported, and replaced by a future that compiles. Says whether
    /// `expr` was one.
    fn yield_given_as_future(&mut self, expr: &mut Expr, mac: &str) -> bool {
        let Expr::Macro(m) = expr else {
            return false;
        };
        if !matches!(role(&m.mac.path), Role::Yield | Role::YieldFrom) {
            return false;
        }
        let span = m.mac.path.span();
        self.errors.at(
            span,
            format!(
                "`{}!` is not a future: it yields from the generator's body when it runs, so \
                 `{mac}!` would be given its value, `()`; yield before or after the `{mac}!`, \
                 or in a branch's handler",
                m.mac
                    .path
                    .segments
                    .last()
                    .map_or_else(String::new, |s| s.ident.to_string())
            ),
        );
        *expr = Expr::Verbatim(quote_spanned!(span=> async {}));
        self.changed = true;
        true
    }

    /// Whether a macro's input has anything the rewriter acts on (or reports).
    fn mentions_rewritable(&self, tokens: TokenStream) -> bool {
        let awaits_matter = self.kind.await_hint().is_some();
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => {
                ident == "yield_"
                    || ident == "yield_from"
                    || ident == "yield"
                    || ident == "for_await"
                    || (awaits_matter && ident == "await")
            }
            TokenTree::Punct(punct) => punct.as_char() == '?',
            TokenTree::Group(group) => self.mentions_rewritable(group.stream()),
            TokenTree::Literal(_) => false,
        })
    }
}

/// A top-level piece of macro input, or a separator between two.
enum Piece {
    Tokens(TokenStream),
    Separator(Vec<TokenTree>),
}

/// Splits at top-level `,` `;` `=>` and at a `=` or `:` that stands alone (not part of
/// `==`, `<=`, `+=`, `::`, ..).
fn split_at_separators(tokens: TokenStream) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut current: Vec<TokenTree> = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    // The previous token, when it is a punctuation joined to this one.
    let mut joined_to: Option<char> = None;
    while let Some(tt) = iter.next() {
        let next_is = |iter: &mut core::iter::Peekable<proc_macro2::token_stream::IntoIter>,
                       ch: char| {
            matches!(iter.peek(), Some(TokenTree::Punct(next)) if next.as_char() == ch)
        };
        let separator = match &tt {
            TokenTree::Punct(p) => {
                let joint = p.spacing() == Spacing::Joint;
                match p.as_char() {
                    ',' | ';' => Some(vec![tt.clone()]),
                    '=' if joint && next_is(&mut iter, '>') => {
                        let arrow = iter.next();
                        Some([Some(tt.clone()), arrow].into_iter().flatten().collect())
                    }
                    // Not `==`, nor the end of `<=`, `+=`, `..=` and the like.
                    '=' if (joint && next_is(&mut iter, '='))
                        || joined_to.is_some_and(|prev| "=!<>+-*/%^&|.".contains(prev)) =>
                    {
                        None
                    }
                    '=' => Some(vec![tt.clone()]),
                    // Not `::`.
                    ':' if (joint && next_is(&mut iter, ':')) || joined_to == Some(':') => None,
                    ':' => Some(vec![tt.clone()]),
                    _ => None,
                }
            }
            _ => None,
        };
        joined_to = match &tt {
            TokenTree::Punct(p) if p.spacing() == Spacing::Joint => Some(p.as_char()),
            _ => None,
        };
        match separator {
            Some(separator) => {
                pieces.push(Piece::Tokens(current.drain(..).collect()));
                pieces.push(Piece::Separator(separator));
                joined_to = None;
            }
            None => current.push(tt),
        }
    }
    pieces.push(Piece::Tokens(current.into_iter().collect()));
    pieces
}

fn delimiter_of(group: &Group) -> syn::MacroDelimiter {
    let span = group.delim_span();
    match group.delimiter() {
        Delimiter::Brace => syn::MacroDelimiter::Brace(syn::token::Brace(span)),
        Delimiter::Bracket => syn::MacroDelimiter::Bracket(syn::token::Bracket(span)),
        _ => syn::MacroDelimiter::Paren(syn::token::Paren(span)),
    }
}

/// Whether a macro of this name takes futures to run (`join!`, `try_join!`, `select!`,
/// `select_biased!`, `zip!`, `race!`).
fn takes_futures(name: &str) -> bool {
    matches!(
        name,
        "join" | "try_join" | "select" | "select_biased" | "zip" | "race"
    )
}
