//! The rewrites that use the body's handle or leave the body: yields, `yield_from!`,
//! `?` and `return`; and the errors for a yield or an `.await` where it cannot be.

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Block, Expr, ExprForLoop, ExprReturn, Ident, Pat, Stmt, Token};

use super::cleanup::ExitKey;
use super::{Kind, Rewriter, Scope, local};

impl Rewriter<'_> {
    /// Input: `yield_!(value)` / `yield value`
    /// Output: `match value { v => { if false { loop { break 'body; } } yielder.yield_(v).await } }`
    ///
    /// The value is evaluated before the handle is borrowed, so it may itself yield
    /// (`yield_!(f(yield_!(a)))`, like Python's `yield (yield a)`); as the scrutinee
    /// of a `match`, its temporaries live to the end of the enclosing statement, as
    /// they would in `yielder.yield_(value).await`.
    pub(super) fn yield_expr(&mut self, span: Span, what: &str, value: Option<Expr>) -> Expr {
        let value_span = value.as_ref().map_or(span, Spanned::span);
        // A block (or a closure with one) as a `match` scrutinee draws
        // `clippy::blocks_in_conditions` at the user's code: it goes through `identity`,
        // which keeps its temporaries where they were.
        let block = matches!(
            value,
            Some(Expr::Block(_) | Expr::Unsafe(_) | Expr::Closure(_))
        );
        let value = value.map_or_else(|| quote_spanned!(span=> ()), ToTokens::into_token_stream);
        if let Some(err) = self.misplaced(span, what, Some(&value)) {
            return err;
        }
        self.changed = true;
        self.yields += 1;
        let yielder = self.names.yielder_at(span);
        let guard = self.guard(span);
        // At the value, so a value of the wrong type is reported there.
        let yielded = Ident::new("__yieldkit_yielded", value_span);
        // In parentheses, for a struct literal; generated ones, so `unused_parens`
        // stays quiet.
        let mut value = Group::new(Delimiter::Parenthesis, value);
        value.set_span(Span::mixed_site());
        let value = if block {
            quote_spanned!(value_span=> __yieldkit_private::core::convert::identity #value)
        } else {
            value.into_token_stream()
        };
        let ascribed = self
            .item
            .map(|item| quote_spanned!(value_span=> let #yielded: #item = #yielded;));
        let yielding = self.yield_call(span, &yielder, &yielded);
        // No block around the `match`: a block's tail expression would drop the value's
        // temporaries at its end in edition 2024, not at the end of the statement.
        Expr::Verbatim(quote_spanned! {span=>
            match #value {
                #yielded => {
                    #guard
                    #ascribed
                    #yielding
                }
            }
        })
    }

    /// Output: `yielder.yield_(value).await`; in a `defer!`'s region, with the check for
    /// a close, which leaves by the region's exits (see `cleanup.rs`).
    fn yield_call(&mut self, span: Span, yielder: &Ident, value: &Ident) -> TokenStream {
        if !self.closes_here() {
            return quote_spanned!(span=> #yielder.yield_(#value).await);
        }
        let exit = self
            .exit(&ExitKey::Close, None, span)
            .unwrap_or_else(|| quote_spanned!(span=> {}));
        if self.kind.returns_value() {
            quote_spanned! {span=>
                match #yielder.yield_closable(#value).await {
                    __yieldkit_private::core::option::Option::Some(__yieldkit_sent) => __yieldkit_sent,
                    __yieldkit_private::core::option::Option::None => #exit,
                }
            }
        } else {
            quote_spanned! {span=>
                #yielder.yield_(#value).await;
                if #yielder.closing() #exit
            }
        }
    }

    /// Reports a bare `yield` in an attribute form's body (the compiler's own error,
    /// "yield syntax is experimental", says nothing of yieldkit) with what to write.
    ///
    /// Only on a stable compiler: one that accepts `#![feature(coroutines)]` compiles
    /// the bare `yield` when the crate enables it, and says how to otherwise.
    pub(super) fn bare_yield(&mut self, span: Span) {
        if cfg!(yieldkit_unstable_compiler) {
            return;
        }
        let block = match (self.kind, self.scope) {
            // Out of place whatever its spelling: `yield_expr` says so.
            (Kind::PlainAsync, _) | (_, Scope::Closure | Scope::AsyncBlock) => return,
            (Kind::Stream, _) => " (a bare `yield` works inside `stream! { .. }`)",
            (Kind::Iter, _) => " (a bare `yield` works inside `iter! { .. }`)",
            (Kind::Coroutine | Kind::AsyncCoroutine, _) => "",
        };
        self.errors.at(
            span,
            format!("a bare `yield` is not stable Rust: write `yield_!(value)` here{block}"),
        );
    }

    /// Output: `if false { loop { break 'body; } }`, the dead `break` a yield starts
    /// with.
    ///
    /// It names a label only the generator's own body can reach, so a yield that a user
    /// macro wraps in a closure or `async` block fails to compile with E0767 at the
    /// user's token, where the mistake is. It is a diagnostic, not what makes the body
    /// sound (a macro can take it apart): the handle's types are.
    fn guard(&self, span: Span) -> TokenStream {
        let label = self.names.label_at(span);
        // A coroutine's body block has the return type: the dead `break` needs a value
        // (a call, so the compiler does not see the code after it as unreachable).
        let dead = self
            .kind
            .returns_value()
            .then(|| quote_spanned!(span=> __yieldkit_private::dead()));
        // The `loop` keeps it one error: a `break` out of reach of its label is then
        // not also a `break` outside of a loop.
        quote_spanned!(Span::mixed_site()=> if false { loop { break #label #dead; } })
    }

    /// Input: `yield_from!(inner)` (or `yield_from!(sub, first)` in a coroutine)
    /// Output: a loop yielding every item of `inner`
    pub(super) fn yield_from_expr(&mut self, span: Span, inner: Expr, first: Option<Expr>) -> Expr {
        let inner_tokens = inner.to_token_stream();
        if let Some(err) = self.misplaced(span, "`yield_from!`", Some(&inner_tokens)) {
            return err;
        }
        if let (Some(first), false) = (&first, self.kind.returns_value()) {
            let message = format!(
                "`yield_from!` in {} takes one argument: only a coroutine starts the inner \
                 generator with a value",
                self.kind.generator_name()
            );
            return self.error(first.span(), message);
        }
        self.changed = true;
        match self.kind {
            Kind::Coroutine | Kind::AsyncCoroutine => self.yield_from_coroutine(span, inner, first),
            Kind::Iter | Kind::Stream | Kind::PlainAsync => {
                // `for item in inner { yield_!(item) }`, a `for await` over a stream;
                // the loop closes a generator it owns.
                let item = local("item", span);
                let each: Stmt = syn::parse_quote_spanned!(span=> yield_!(#item););
                let for_loop = ExprForLoop {
                    attrs: if self.kind == Kind::Iter {
                        Vec::new()
                    } else {
                        vec![syn::parse_quote_spanned!(span=> #[for_await])]
                    },
                    label: None,
                    for_token: Token![for](span),
                    pat: Box::new(Pat::Verbatim(item.into_token_stream())),
                    in_token: Token![in](span),
                    expr: Box::new(inner),
                    body: Block {
                        brace_token: syn::token::Brace(span),
                        stmts: vec![each],
                    },
                };
                if self.kind == Kind::Iter {
                    self.owning_for(for_loop)
                } else {
                    self.owning_for_await(for_loop)
                }
            }
        }
    }

    /// Input: `yield_from!(sub)` / `yield_from!(sub, first)` in a coroutine (PEP 380)
    /// Output:
    /// ```text
    /// {
    ///     let mut sub = pin!(yielder.delegate_to(sub)); // fixes the sent type
    ///     let mut sent = sub.first(first); // `()` when not given
    ///     loop {
    ///         match Coroutine::resume(sub.as_mut().sub(), sent) { // `.await`ed if async
    ///             Yielded(v) => sent = yield v,
    ///             Complete(r) => break r,
    ///         }
    ///     }
    /// }
    /// ```
    fn yield_from_coroutine(&mut self, span: Span, inner: Expr, first: Option<Expr>) -> Expr {
        let value = local("value", span);
        // Inside a `defer!`'s scope a close of this coroutine reaches the yield below,
        // which leaves through a region that closes `sub` first; elsewhere a close
        // drops the body, `sub` with it, as it drops any body outside cleanup scopes.
        let closes_sub = self.closes_here();
        if closes_sub {
            self.open_region(false, span);
        }
        let each = self.yield_expr(span, "`yield_from!`", Some(syn::parse_quote!(#value)));
        let inner_span = inner.span();
        // Errors about `sub` not being a coroutine all land on the user's expression.
        let sub = local("sub", inner_span);
        let sent = local("sent", span);
        let yielder = self.names.yielder_at(inner_span);
        let first = first.map_or_else(
            || quote_spanned!(span=> __yieldkit_private::DelegateWithoutFirst::first()),
            ToTokens::into_token_stream,
        );
        // The resume is the check that `sub` is a coroutine taking this one's sent type
        // (a call of the trait's own, so the error is about `sub` alone).
        let check = quote_spanned!(inner_span=> #yielder.delegate_to(#inner));
        let sent_type = self
            .sent
            .map_or_else(|| quote!(_), ToTokens::to_token_stream);
        let resume = if self.kind == Kind::AsyncCoroutine {
            quote_spanned!(inner_span=> <_ as __yieldkit_private::AsyncCoroutine<#sent_type>>::resume(#sub.as_mut().sub(), #sent).await)
        } else {
            quote_spanned!(inner_span=> <_ as __yieldkit_private::Coroutine<#sent_type>>::resume(#sub.as_mut().sub(), #sent))
        };
        let delegation = quote_spanned! {span=>
            loop {
                match #resume {
                    __yieldkit_private::CoroutineState::Yielded(#value) => #sent = #each,
                    __yieldkit_private::CoroutineState::Complete(#value) => break #value,
                }
            }
        };
        let delegation = if closes_sub {
            let closed = self.close_region();
            // A no-op on a sub-coroutine that completed.
            let close = if self.kind == Kind::AsyncCoroutine {
                quote_spanned!(inner_span=> let _ = <_ as __yieldkit_private::AsyncCoroutine<#sent_type>>::aclose(#sub.as_mut().sub()).await;)
            } else {
                quote_spanned!(inner_span=> <_ as __yieldkit_private::Coroutine<#sent_type>>::close(#sub.as_mut().sub());)
            };
            self.region(closed, delegation, quote_spanned!(span=> { #close }))
        } else {
            delegation
        };
        Expr::Verbatim(quote_spanned! {span=>
            {
                let #sub = #check;
                let mut #sub = __yieldkit_private::core::pin::pin!(#sub);
                let mut #sent = #sub.first(#first);
                #delegation
            }
        })
    }

    /// Reports an `.await` (or `for await`) in a body that cannot suspend for anything
    /// but its own yields.
    pub(super) fn cannot_await(&mut self, span: Span, what: &str) {
        if let Some(hint) = self.kind.await_hint() {
            let name = self.kind.generator_name();
            self.errors.at(
                span,
                format!(
                    "{name} cannot {what}: its body runs inside `next()` / `resume()`, which \
                     cannot wait; {hint}"
                ),
            );
        }
    }

    /// Input: `return value` / `return` in the generator's own body, or in an `async`
    /// block's region (a loop in it that owns its stream)
    /// Output: in a region, its exit (see `cleanup.rs`); in a coroutine, `break 'body
    /// value` (the body block is typed with the declared return type, so a wrong value
    /// is reported at the user's expression); elsewhere `return` stays. In the body, a
    /// value where the form returns none is an error.
    pub(super) fn return_expr(&mut self, r: &mut ExprReturn) -> Option<Expr> {
        let span = r.return_token.span;
        // The body's own `return` (an `async` block in it returns what it likes).
        if let (Scope::Body, Some(value), Kind::Stream | Kind::Iter) =
            (self.scope, &r.expr, self.kind)
        {
            let message = format!(
                "{} cannot return a value: its items are what it yields; write \
                 `yield_!(value); return;`",
                self.kind.generator_name()
            );
            self.error(value.span(), message);
            r.expr = None;
        }
        if self.in_region() {
            let value = r.expr.take().map(|value| value.into_token_stream());
            let exit = self.exit(&ExitKey::Return, value, span)?;
            self.changed = true;
            return Some(Expr::Verbatim(exit));
        }
        if self.kind.returns_value() {
            self.changed = true;
            let label = self.names.label_at(span);
            let value = r.expr.take();
            return Some(Expr::Verbatim(quote_spanned!(span=> break #label #value)));
        }
        None
    }

    /// The error for a yield where it cannot be, if it is in such a place.
    fn misplaced(&mut self, span: Span, what: &str, keep: Option<&TokenStream>) -> Option<Expr> {
        let message = match (self.kind, self.scope) {
            (_, Scope::Body) if self.in_deferred.is_some() => self.yield_in_deferred(what)?,
            (Kind::PlainAsync, _) => format!(
                "{what} can only be used in a generator, and this is an ordinary `async fn`; \
                 use `#[yieldkit::async_gen]` to make it an async generator"
            ),
            (_, Scope::Body) => return None,
            (_, Scope::Closure) => format!(
                "{what} cannot be used inside a closure: the closure is a separate function, \
                 not part of the generator's body; yield from the body itself, for example \
                 with a `for` loop instead of an iterator adapter"
            ),
            (_, Scope::AsyncBlock) => format!(
                "{what} cannot be used inside an `async` block: the block is a separate \
                 future, not part of the generator's body; `.await` the block in the body \
                 and yield its output there"
            ),
        };
        Some(self.error_keeping(span, message, keep))
    }

    /// Input: `expr?` in a generator body
    /// Output: `match branch(expr) { Continue(v) => v, Break(r) => { yielder.yield_last(from_residual(r)); break 'body; } }`
    /// (the `break` wrapped in a `loop` that never ends by itself, so the arm diverges
    /// even when a macro moves it out of reach of the label, and the label's error is
    /// the only one).
    ///
    /// The error path stores the item without awaiting, so nothing held there lives
    /// across a suspension point, and leaves the body by its label, which only the
    /// body's own code can reach: like a yield's guard, a `?` that a user macro wraps in
    /// a closure or `async` block is an error at the `?`.
    pub(super) fn try_expr(&mut self, question: Span, expr: Expr) -> Expr {
        self.changed = true;
        let yielder = self.names.yielder_at(question);
        let label = self.names.label_at(question);
        // Plain user spans (not `mixed_site`): rustc reports a trait error on the
        // residual at its argument, and only a root-context span shows up at the `?`
        // instead of at the attribute. No user code runs between binding and use.
        // Names no user item is likely to have: an item in scope with a binding's name
        // (a unit struct `value`) would turn the binding into a pattern, whatever its
        // hygiene.
        let value = Ident::new("__yieldkit_value", question);
        let residual = Ident::new("__yieldkit_residual", question);
        let item =
            quote_spanned!(question=> __yieldkit_private::FromResidual::from_residual(#residual));
        let on_error = match self.exit(&ExitKey::Residual, Some(item.clone()), question) {
            // In a region: the error is stored, and yielded once the cleanup has run.
            Some(exit) => exit,
            None => {
                // Generated, not the user's: lints about a loop that never loops stay
                // quiet.
                let exit = quote_spanned!(Span::mixed_site()=> loop { break #label; });
                quote_spanned! {question=>
                    {
                        #yielder.yield_last(#item);
                        #exit
                    }
                }
            }
        };
        Expr::Verbatim(quote_spanned! {question=>
            match __yieldkit_private::Try::branch(#expr) {
                __yieldkit_private::core::ops::ControlFlow::Continue(#value) => #value,
                __yieldkit_private::core::ops::ControlFlow::Break(#residual) => #on_error,
            }
        })
    }

    /// Input: `expr?` in a cleanup region of a coroutine or an `async fn`
    /// Output: `match branch(expr) { Continue(v) => v, Break(r) => /* return from_residual(r), through the regions */ }`
    ///
    /// Rust's own `?` would return past the deferred code.
    pub(super) fn try_in_region(&mut self, question: Span, expr: Expr) -> Expr {
        self.changed = true;
        let value = Ident::new("__yieldkit_value", question);
        let residual = Ident::new("__yieldkit_residual", question);
        let returned =
            quote_spanned!(question=> __yieldkit_private::FromResidual::from_residual(#residual));
        let exit = self
            .exit(&ExitKey::Return, Some(returned.clone()), question)
            .unwrap_or_else(|| quote_spanned!(question=> return #returned));
        Expr::Verbatim(quote_spanned! {question=>
            match __yieldkit_private::Try::branch(#expr) {
                __yieldkit_private::core::ops::ControlFlow::Continue(#value) => #value,
                __yieldkit_private::core::ops::ControlFlow::Break(#residual) => #exit,
            }
        })
    }
}
