//! The one body rewriter every generator form shares.
//!
//! It rewrites, in the generator's own body:
//! - `yield_!(v)` and `yield v` (the latter from the block forms, or on nightly) into
//!   an await on the body's yielder;
//! - `yield_from!(inner)` into a loop that yields every item of `inner`;
//! - `expr?` (async and sync generators) into "yield the error as the last item and
//!   end";
//! - `#[for_await] for pat in stream { .. }` into a loop over a pinned stream;
//!
//! and reports, at the offending token, a yield inside a closure or an `async` block,
//! a `return value` where the form returns nothing, and an `.await` in a sync
//! generator. Macro calls in the body are walked too: parsed as expressions or
//! statements where possible, otherwise scanned token by token.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, ExprForLoop, Ident, Lifetime, Macro, Stmt, Token};

use crate::comprehension::{self, Comprehension, Laziness};

/// Which generator the body belongs to: decides what a yield, `?`, `return value` and
/// `.await` mean in it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// `#[async_gen]`, `stream!`: a `Stream`.
    Stream,
    /// `#[agen::for_await]` on an ordinary `async fn`: only `for await` loops.
    PlainAsync,
    /// `#[generator]`, `iter!`: an `Iterator`; no `.await`.
    Iter,
    /// `#[coroutine] fn`: values sent in, a value returned; no `.await`.
    Coroutine,
    /// `#[coroutine] async fn`: resuming is a future.
    AsyncCoroutine,
}

impl Kind {
    fn generator_name(self) -> &'static str {
        match self {
            Kind::Stream => "an async generator",
            Kind::PlainAsync => "an `async fn`",
            Kind::Iter => "a generator",
            Kind::Coroutine => "a coroutine",
            Kind::AsyncCoroutine => "an async coroutine",
        }
    }

    /// Whether the body may `.await`; if not, the hint for what to use instead.
    fn await_hint(self) -> Option<&'static str> {
        match self {
            Kind::Iter => {
                Some("use `#[agen::async_gen]` (or `stream!`) for a generator that awaits")
            }
            Kind::Coroutine => {
                Some("use `#[agen::coroutine] async fn` for a coroutine that awaits")
            }
            Kind::Stream | Kind::PlainAsync | Kind::AsyncCoroutine => None,
        }
    }

    /// Coroutines return a value: their body is a block of the return type, `return`
    /// is a `break` out of it, and `?` is Rust's own.
    fn returns_value(self) -> bool {
        matches!(self, Kind::Coroutine | Kind::AsyncCoroutine)
    }

    /// Generators without a return value turn `?`'s error into their last item.
    fn yields_residual(self) -> bool {
        matches!(self, Kind::Stream | Kind::Iter)
    }
}

/// Where in the body the visitor is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scope {
    /// The generator's own body: yields are rewritten.
    Body,
    /// Inside a closure: a yield would belong to the closure.
    Closure,
    /// Inside an `async` block or closure: a separate future.
    AsyncBlock,
}

/// The names the rewritten body uses: hygienic (`Span::mixed_site()`), so user code
/// cannot write them (a user macro can still capture them from the rewritten tokens it
/// is given: they are not what makes the body sound, the handle's types are).
#[derive(Clone)]
pub(crate) struct Names {
    /// The body's handle (`Yielder` / `CoYielder`).
    pub(crate) yielder: Ident,
    pub(crate) label: Lifetime,
}

impl Names {
    pub(crate) fn new() -> Self {
        let ident = |name: &str| Ident::new(name, Span::mixed_site());
        Self {
            yielder: ident("yielder"),
            // The name is the explanation rustc prints when a yield is smuggled out of
            // the body: "use of unreachable label `'a_yield_must_be_directly_in_...`".
            label: Lifetime {
                apostrophe: Span::mixed_site(),
                ident: ident("a_yield_must_be_directly_in_the_generator_body"),
            },
        }
    }

    /// The yielder, located at `span` for diagnostics but keeping its hygiene.
    fn yielder_at(&self, span: Span) -> Ident {
        let mut ident = self.yielder.clone();
        ident.set_span(Span::mixed_site().located_at(span));
        ident
    }

    /// A generated local no user code can name, reported at `span`.
    fn local(name: &str, span: Span) -> Ident {
        Ident::new(name, Span::mixed_site().located_at(span))
    }

    fn label_at(&self, span: Span) -> Lifetime {
        let at = Span::mixed_site().located_at(span);
        let mut label = self.label.clone();
        label.apostrophe = at;
        label.ident.set_span(at);
        label
    }
}

pub(crate) struct Rewriter {
    kind: Kind,
    names: Names,
    scope: Scope,
    errors: Vec<syn::Error>,
    /// Set when anything was rewritten; lets macro calls keep their original tokens
    /// when nothing inside them changed.
    changed: bool,
}

impl Rewriter {
    pub(crate) fn new(kind: Kind, names: Names) -> Self {
        Self {
            kind,
            names,
            scope: Scope::Body,
            errors: Vec::new(),
            changed: false,
        }
    }

    /// Rewrites `stmts` in place; returns every error found, combined.
    pub(crate) fn rewrite(mut self, stmts: &mut [Stmt]) -> Option<syn::Error> {
        for stmt in stmts {
            self.visit_stmt_mut(stmt);
        }
        let mut errors = self.errors.into_iter();
        let mut first = errors.next()?;
        first.extend(errors);
        Some(first)
    }

    fn error(&mut self, span: Span, message: impl core::fmt::Display) -> Expr {
        self.error_keeping(span, message, None)
    }

    /// Reports an error and stands in for the offending expression with one that
    /// diverges, so the rest of the body still type-checks; `keep` (a yielded value)
    /// stays referenced, in a closure that never runs, so its variables do not turn
    /// into "unused" warnings.
    fn error_keeping(
        &mut self,
        span: Span,
        message: impl core::fmt::Display,
        keep: Option<&TokenStream>,
    ) -> Expr {
        self.errors.push(syn::Error::new(span, message));
        self.changed = true;
        let keep = keep.map(|value| quote_spanned!(span=> let _ = || #value;));
        Expr::Verbatim(quote_spanned!(span=> { #keep ::core::unreachable!() }))
    }

    fn in_scope(&mut self, scope: Scope, f: impl FnOnce(&mut Self)) {
        let saved = core::mem::replace(&mut self.scope, scope);
        f(self);
        self.scope = saved;
    }

    /// Input: `yield_!(value)` / `yield value`
    /// Output: `{ if false { break 'body; } yielder.yield_(value).await }`
    fn yield_expr(&mut self, span: Span, what: &str, value: Option<Expr>) -> Expr {
        let value = value.map_or_else(|| quote_spanned!(span=> ()), ToTokens::into_token_stream);
        if let Some(err) = self.misplaced(span, what, Some(&value)) {
            return err;
        }
        self.changed = true;
        let yielder = self.names.yielder_at(span);
        let guard = self.guard(span);
        Expr::Verbatim(quote_spanned! {span=>
            {
                #guard
                #yielder.yield_(#value).await
            }
        })
    }

    /// Output: `if false { loop { break 'body; } }`, the dead `break` a yield starts
    /// with.
    ///
    /// It names a label only the generator's own body can reach, so a yield or `?` that
    /// a user macro wraps in a closure or `async` block fails to compile with E0767 at
    /// the user's token, where the mistake is. It is a diagnostic, not what makes the
    /// body sound (a macro can take it apart): the handle's types are.
    fn guard(&self, span: Span) -> TokenStream {
        let label = self.names.label_at(span);
        // A coroutine's body block has the return type: the dead `break` needs a value
        // (a call, so the compiler does not see the code after it as unreachable).
        let dead = self
            .kind
            .returns_value()
            .then(|| quote_spanned!(span=> ::agen::__private::dead()));
        // The `loop` keeps it one error: a `break` out of reach of its label is then
        // not also a `break` outside of a loop.
        quote_spanned!(Span::mixed_site()=> if false { loop { break #label #dead; } })
    }

    /// Input: `yield_from!(inner)`
    /// Output: a loop yielding every item of `inner` (see `yield_expr`)
    fn yield_from_expr(&mut self, span: Span, inner: Expr, first: Option<Expr>) -> Expr {
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
        match self.kind {
            Kind::Iter => return self.yield_from_iter(span, inner),
            Kind::Coroutine | Kind::AsyncCoroutine => {
                return self.yield_from_coroutine(span, inner, first);
            }
            Kind::Stream | Kind::PlainAsync => {}
        }
        self.changed = true;
        let item = Names::local("item", span);
        let each = self.yield_expr(span, "`yield_from!`", Some(syn::parse_quote!(#item)));
        let stream = Names::local("stream", span);
        let inner_span = inner.span();
        let into_stream = quote_spanned!(inner_span=> ::agen::__private::into_stream(#inner));
        Expr::Verbatim(quote_spanned! {span=>
            {
                let mut #stream = ::core::pin::pin!(#into_stream);
                while let ::core::option::Option::Some(#item) =
                    ::agen::__private::next(#stream.as_mut()).await
                {
                    #each;
                }
            }
        })
    }

    /// Input: `yield_from!(iterable)` in a sync generator
    /// Output: `for item in iterable { yield item }`
    fn yield_from_iter(&mut self, span: Span, inner: Expr) -> Expr {
        self.changed = true;
        let item = Names::local("item", span);
        let each = self.yield_expr(span, "`yield_from!`", Some(syn::parse_quote!(#item)));
        Expr::Verbatim(quote_spanned! {span=>
            for #item in #inner {
                #each;
            }
        })
    }

    /// Input: `yield_from!(sub)` / `yield_from!(sub, first)` in a coroutine (PEP 380)
    /// Output:
    /// ```text
    /// {
    ///     let mut sub = pin!(delegate_to(sub));
    ///     let mut sent = first; // `()` when not given
    ///     loop {
    ///         match resume(sub.as_mut(), sent) {    // `.await`ed in an async coroutine
    ///             Yielded(v) => sent = yield v,
    ///             Complete(r) => break r,
    ///         }
    ///     }
    /// }
    /// ```
    fn yield_from_coroutine(&mut self, span: Span, inner: Expr, first: Option<Expr>) -> Expr {
        self.changed = true;
        let value = Names::local("value", span);
        let each = self.yield_expr(span, "`yield_from!`", Some(syn::parse_quote!(#value)));
        let inner_span = inner.span();
        // Errors about `sub` not being a coroutine all land on the user's expression.
        let sub = Names::local("sub", inner_span);
        let sent = Names::local("sent", span);
        let yielder = self.names.yielder_at(inner_span);
        let first = first.map_or_else(
            || quote_spanned!(span=> ::agen::__private::delegate_first()),
            ToTokens::into_token_stream,
        );
        let (check, resume) = if self.kind == Kind::AsyncCoroutine {
            (
                quote_spanned!(inner_span=> #yielder.async_delegate_to(#inner)),
                quote_spanned!(inner_span=> ::agen::__private::async_delegate_resume(#sub.as_mut(), #sent).await),
            )
        } else {
            (
                quote_spanned!(inner_span=> #yielder.delegate_to(#inner)),
                quote_spanned!(inner_span=> ::agen::__private::delegate_resume(#sub.as_mut(), #sent)),
            )
        };
        Expr::Verbatim(quote_spanned! {span=>
            {
                let #sub = #check;
                let mut #sub = ::core::pin::pin!(#sub);
                let mut #sent = #first;
                loop {
                    match #resume {
                        ::agen::__private::CoroutineState::Yielded(#value) => #sent = #each,
                        ::agen::__private::CoroutineState::Complete(#value) => break #value,
                    }
                }
            }
        })
    }

    /// Reports an `.await` (or `for await`) in a body that cannot suspend for anything
    /// but its own yields.
    fn cannot_await(&mut self, span: Span, what: &str) {
        if let Some(hint) = self.kind.await_hint() {
            let name = self.kind.generator_name();
            self.errors.push(syn::Error::new(
                span,
                format!(
                    "{name} cannot {what}: its body runs inside `next()` / `resume()`, which \
                     cannot wait; {hint}"
                ),
            ));
        }
    }

    /// Input: `return value` / `return` in a coroutine body
    /// Output: `break 'body value` / `break 'body`
    ///
    /// The body block is typed with the declared return type, so a wrong value is
    /// reported at the user's expression.
    fn return_expr(&mut self, span: Span, value: Option<Expr>) -> Expr {
        self.changed = true;
        let label = self.names.label_at(span);
        Expr::Verbatim(quote_spanned!(span=> break #label #value))
    }

    /// The error for a yield where it cannot be, if it is in such a place.
    fn misplaced(&mut self, span: Span, what: &str, keep: Option<&TokenStream>) -> Option<Expr> {
        let message = match (self.kind, self.scope) {
            (Kind::PlainAsync, _) => format!(
                "{what} can only be used in a generator, and this is an ordinary `async fn`; \
                 use `#[agen::async_gen]` to make it an async generator"
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
    /// Output: `match branch(expr) { Continue(v) => v, Break(r) => { yielder.yield_residual(r); break 'body; } }`
    /// (the `break` wrapped in a `loop` that never ends by itself, so the arm diverges
    /// even when a macro moves it out of reach of the label, and the label's error is
    /// the only one).
    ///
    /// The error path stores the item without awaiting, so nothing held there lives
    /// across a suspension point, and leaves the body by its label, which only the
    /// body's own code can reach: like a yield's guard, a `?` that a user macro wraps in
    /// a closure or `async` block is an error at the `?`.
    fn try_expr(&mut self, question: Span, expr: Expr) -> Expr {
        self.changed = true;
        let yielder = self.names.yielder_at(question);
        let label = self.names.label_at(question);
        // Plain user spans (not `mixed_site`): rustc reports a trait error on the
        // residual at its argument, and only a root-context span shows up at the `?`
        // instead of at the attribute. No user code runs between binding and use.
        let value = Ident::new("value", question);
        let residual = Ident::new("residual", question);
        // Generated, not the user's: lints about a loop that never loops stay quiet.
        let exit = quote_spanned!(Span::mixed_site()=> loop { break #label; });
        Expr::Verbatim(quote_spanned! {question=>
            match ::agen::__private::Try::branch(#expr) {
                ::core::ops::ControlFlow::Continue(#value) => #value,
                ::core::ops::ControlFlow::Break(#residual) => {
                    #yielder.yield_residual(#residual);
                    #exit
                }
            }
        })
    }

    /// Input: `#[for_await] 'label: for pat in stream { body }`
    /// Output:
    /// ```text
    /// {
    ///     let mut s = pin!(into_stream(stream));
    ///     'label: while let Some(x) = next(s.as_mut()).await {
    ///         let pat = x;
    ///         body
    ///     }
    /// }
    /// ```
    /// `let pat = x;` keeps a `for` loop's rule that the pattern is irrefutable.
    fn for_await(&mut self, for_loop: ExprForLoop) -> Expr {
        self.changed = true;
        let ExprForLoop {
            attrs,
            label,
            for_token,
            pat,
            expr,
            body,
            ..
        } = for_loop;
        let span = for_token.span;
        // The body's statements go straight into the loop: a nested block would draw
        // `unused_braces` in the user's crate.
        let stmts = body.stmts;
        let stream = Names::local("stream", span);
        let item = Names::local("item", span);
        let expr_span = expr.span();
        let into_stream = quote_spanned!(expr_span=> ::agen::__private::into_stream(#expr));
        Expr::Verbatim(quote_spanned! {span=>
            #(#attrs)*
            {
                let mut #stream = ::core::pin::pin!(#into_stream);
                #label while let ::core::option::Option::Some(#item) =
                    ::agen::__private::next(#stream.as_mut()).await
                {
                    let #pat = #item;
                    #(#stmts)*
                }
            }
        })
    }

    /// Walks the tokens of a macro call that is not one of ours (`select!`, `vec!`,
    /// `format!`, ...), rewriting what it can reach.
    fn visit_foreign_macro(&mut self, mac: &mut Macro) {
        if is_nested_generator(&mac.path) || !mentions_rewritable(mac.tokens.clone()) {
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
                            let mut mac = Macro {
                                path: ident.clone().into(),
                                bang_token: Token![!](ident.span()),
                                delimiter: delimiter_of(&args),
                                tokens: args.stream(),
                            };
                            let expr = self
                                .own_macro(&mut mac)
                                .unwrap_or_else(|| Expr::Verbatim(mac.to_token_stream()));
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
                        Ok(mut stmts) if group.delimiter() == proc_macro2::Delimiter::Brace => {
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

    /// Input: an eager `collect![..]` whose input has a `?`, a yield or an `.await`
    /// Output: its expansion (plain nested loops), rewritten like the rest of the body
    ///
    /// The eager form's contract is that `?`, `.await` and `return` act on the
    /// enclosing function. In a generator that function is the generator, but a macro
    /// call is expanded only after this rewrite; so the comprehension is expanded here,
    /// and its `?` yields the error and ends the generator like any other `?` in the
    /// body. Lazy and buffered forms build their own generators and futures, whose
    /// bodies own their `?`; they, and any input `collect!` rejects, stay macro calls.
    fn inline_collect(&mut self, mac: &Macro) -> Option<Expr> {
        if mac
            .path
            .segments
            .last()
            .is_none_or(|seg| seg.ident != "collect")
            || !mentions_rewritable(mac.tokens.clone())
        {
            return None;
        }
        let comprehension = Comprehension::parse(mac.tokens.clone()).ok()?;
        if comprehension.options.laziness != Laziness::Eager
            || comprehension.options.buffering.is_some()
        {
            return None;
        }
        let mut expanded: Expr =
            syn::parse2(comprehension::expand(mac.tokens.clone()).ok()?).ok()?;
        self.visit_expr_mut(&mut expanded);
        self.changed = true;
        Some(expanded)
    }

    /// Rewrites `yield_!` / `yield_from!`; `None` for any other macro.
    fn own_macro(&mut self, mac: &mut Macro) -> Option<Expr> {
        let name = mac.path.segments.last()?.ident.to_string();
        let span = mac.path.span();
        match name.as_str() {
            "yield_" => {
                let value = if mac.tokens.is_empty() {
                    None
                } else {
                    match mac.parse_body::<Expr>() {
                        Ok(mut value) => {
                            self.visit_expr_mut(&mut value);
                            Some(value)
                        }
                        Err(err) => return Some(self.error(err.span(), err)),
                    }
                };
                Some(self.yield_expr(span, "`yield_!`", value))
            }
            "yield_from" => {
                match mac.parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated) {
                    Ok(args) if (1..=2).contains(&args.len()) => {
                        let mut args = args.into_iter();
                        let mut inner = args.next()?;
                        self.visit_expr_mut(&mut inner);
                        let first = args.next().map(|mut first| {
                            self.visit_expr_mut(&mut first);
                            first
                        });
                        Some(self.yield_from_expr(span, inner, first))
                    }
                    Ok(_) => Some(self.error(
                        mac.delimiter.span().join(),
                        "`yield_from!` takes what to delegate to: `yield_from!(inner)` \
                         (in a coroutine also `yield_from!(sub, first_value)`)",
                    )),
                    Err(err) => Some(self.error(err.span(), err)),
                }
            }
            _ => None,
        }
    }
}

impl VisitMut for Rewriter {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Macro(m) => {
                if let Some(new) = self.own_macro(&mut m.mac) {
                    *expr = new;
                } else if let Some(expanded) = self.inline_collect(&m.mac) {
                    *expr = expanded;
                } else {
                    self.visit_foreign_macro(&mut m.mac);
                }
            }
            Expr::Yield(y) => {
                let span = y.yield_token.span;
                let mut value = y.expr.take().map(|e| *e);
                if let Some(value) = &mut value {
                    self.visit_expr_mut(value);
                }
                *expr = self.yield_expr(span, "`yield`", value);
            }
            Expr::Await(a) if self.scope == Scope::Body && self.kind.await_hint().is_some() => {
                // Reported, and left in place: the body is an `async` block, so the rest
                // still type-checks without follow-up errors.
                self.cannot_await(a.await_token.span, "await");
                self.visit_expr_mut(&mut a.base);
            }
            Expr::Try(t) if self.scope == Scope::Body && self.kind.yields_residual() => {
                self.visit_expr_mut(&mut t.expr);
                let question = t.question_token.span;
                let inner = (*t.expr).clone();
                *expr = self.try_expr(question, inner);
            }
            Expr::Return(r) if self.scope == Scope::Body && self.kind.returns_value() => {
                let span = r.return_token.span;
                let mut value = r.expr.take();
                if let Some(value) = &mut value {
                    self.visit_expr_mut(value);
                }
                *expr = self.return_expr(span, value.map(|v| *v));
            }
            Expr::Return(r)
                if self.scope == Scope::Body && matches!(self.kind, Kind::Stream | Kind::Iter) =>
            {
                if let Some(value) = &r.expr {
                    let span = value.span();
                    self.error(
                        span,
                        format!(
                            "{} cannot return a value: its items are what it yields; \
                             write `yield_!(value); return;`",
                            self.kind.generator_name()
                        ),
                    );
                    r.expr = None;
                }
            }
            Expr::ForLoop(f) if has_for_await_attr(&f.attrs) => {
                if self.scope == Scope::Body {
                    self.cannot_await(f.for_token.span, "use `for await`");
                }
                f.attrs.retain(|attr| !is_for_await_attr(attr));
                self.visit_expr_mut(&mut f.expr);
                self.visit_block_mut(&mut f.body);
                let for_loop = f.clone();
                *expr = self.for_await(for_loop);
            }
            Expr::Closure(c) => {
                let scope = if c.asyncness.is_some() {
                    Scope::AsyncBlock
                } else {
                    Scope::Closure
                };
                self.in_scope(scope, |this| visit_mut::visit_expr_closure_mut(this, c));
            }
            Expr::Async(a) => {
                self.in_scope(Scope::AsyncBlock, |this| {
                    visit_mut::visit_expr_async_mut(this, a);
                });
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_stmt_mut(&mut self, stmt: &mut Stmt) {
        if let Stmt::Macro(m) = stmt {
            let mut mac = m.mac.clone();
            if let Some(new) = self.own_macro(&mut mac) {
                let semi = m.semi_token.unwrap_or_default();
                *stmt = Stmt::Expr(new, Some(semi));
            } else {
                self.visit_foreign_macro(&mut m.mac);
            }
            return;
        }
        visit_mut::visit_stmt_mut(self, stmt);
    }

    /// Nested items are not part of the body: their own attributes handle them.
    fn visit_item_mut(&mut self, _item: &mut syn::Item) {}
}

fn is_for_await_attr(attr: &syn::Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|seg| seg.ident == "for_await")
}

/// Whether a loop is marked `#[for_await]` / `#[agen::for_await]`.
fn has_for_await_attr(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(is_for_await_attr)
}

/// Macros that build generators or futures of their own: the yields, `?` and
/// `for await` inside them belong to what they build, so the rewriter never reaches
/// into them (it would hand the outer generator's handle to the inner one). An eager
/// `collect!` whose loops run in place is expanded by the rewriter before it gets here
/// (`inline_collect`); every other `collect!` builds a generator or futures.
fn is_nested_generator(path: &syn::Path) -> bool {
    path.segments
        .last()
        .is_some_and(|seg| seg.ident == "stream" || seg.ident == "iter" || seg.ident == "collect")
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
        proc_macro2::Delimiter::Brace => syn::MacroDelimiter::Brace(syn::token::Brace(span)),
        proc_macro2::Delimiter::Bracket => syn::MacroDelimiter::Bracket(syn::token::Bracket(span)),
        _ => syn::MacroDelimiter::Paren(syn::token::Paren(span)),
    }
}
