//! The one body rewriter every generator form shares: a walk over the body (`walk.rs`:
//! the code that runs, in source order) that keeps track of where it is (the body
//! itself, a closure, an `async` block) and hands each construct to the module that
//! lowers it:
//! - `yields.rs`: `yield_!(v)` / `yield v`, `yield_from!`, `?`, `return`, and the errors
//!   for a yield or `.await` where it cannot be;
//! - `for_await.rs`: `#[for_await] for` loops (the one lowering, also used by
//!   comprehensions);
//! - `macro_input.rs`: the input of other macros (`select!`, `vec!`, `format!`), and
//!   eager `collect!`s, whose loops run in the body.
//!
//! - `cleanup.rs`: `defer!`, and the loops that close what they own: regions whose
//!   every way out runs their deferred code;
//!
//! - `items.rs`: items inside the body (functions, impls, `macro_rules!`), which are not
//!   part of it: a yield in one is reported.

mod cleanup;
mod for_await;
mod items;
mod macro_input;
mod walk;
mod yields;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, Lifetime, Stmt};

use crate::errors::Errors;

pub(crate) use self::for_await::{has_marker as has_for_await_marker, lower as lower_for_await};

/// Which generator a body belongs to: decides what a yield, `?`, `return value` and
/// `.await` mean in it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// `#[async_gen]`, `stream!`: a `Stream`.
    Stream,
    /// `#[yieldkit::for_await]` on an ordinary `async fn`: only `for await` loops.
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
                Some("use `#[yieldkit::async_gen]` (or `stream!`) for a generator that awaits")
            }
            Kind::Coroutine => {
                Some("use `#[yieldkit::coroutine] async fn` for a coroutine that awaits")
            }
            Kind::Stream | Kind::PlainAsync | Kind::AsyncCoroutine => None,
        }
    }

    /// Whether the body may `.await` (and so use `for await`).
    pub(crate) fn can_await(self) -> bool {
        self.await_hint().is_none()
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

/// How a body spells a yield.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Syntax {
    /// The attribute forms: `yield_!(value)`. A bare `yield` there is not stable Rust
    /// (the compiler rejects it before the attribute runs, and yieldkit says what to write
    /// instead); one in another macro's input belongs to that macro (a `stream!` a user
    /// macro writes), and is left alone.
    Macro,
    /// The block forms, `stream!` and `iter!`: a bare `yield value` too, anywhere in
    /// the body, another macro's input included (a `select!` arm).
    Bare,
}

/// Where in the body the walk is.
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
pub(crate) struct Names {
    /// The body's handle (`Yielder` / `CoYielder`).
    pub(crate) yielder: Ident,
    /// The label of the body's block: a yield's guard and `?` name it.
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

    fn label_at(&self, span: Span) -> Lifetime {
        let at = Span::mixed_site().located_at(span);
        let mut label = self.label.clone();
        label.apostrophe = at;
        label.ident.set_span(at);
        label
    }
}

/// A generated local no user code can name, reported at `span`.
pub(crate) fn local(name: &str, span: Span) -> Ident {
    Ident::new(name, Span::mixed_site().located_at(span))
}

/// Whether `ident`, followed by `next`, starts a `yield_!` or `yield_from!` call in
/// tokens that are not parsed as Rust (an item's, a lazy `collect!`'s).
pub(crate) fn is_yield_call(ident: &Ident, next: Option<&proc_macro2::TokenTree>) -> bool {
    (ident == "yield_" || ident == "yield_from")
        && matches!(next, Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '!')
}

/// What a rewrite found.
pub(crate) struct Rewritten {
    /// How many yields it rewrote (`yield_from!` counts as one): a block form with no
    /// item type and no yield yields `()`.
    pub(crate) yields: usize,
}

/// The generator a body belongs to.
pub(crate) struct Generator<'a> {
    pub(crate) kind: Kind,
    pub(crate) syntax: Syntax,
    /// The type of the values it yields, where the signature states it: each yielded
    /// value is checked against it first, so a wrong one is reported at the value,
    /// "expected due to" the user's type.
    pub(crate) item: Option<&'a syn::Type>,
    /// A coroutine's sent type: a `yield_from!` resumes its sub-coroutine as one taking
    /// it, so an error about the sub-coroutine names it.
    pub(crate) sent: Option<&'a syn::Type>,
}

/// Rewrites the body of `generator` in place, adding what is wrong to `errors`.
pub(crate) fn body(
    generator: &Generator<'_>,
    names: &Names,
    stmts: &mut Vec<Stmt>,
    errors: &mut Errors,
) -> Rewritten {
    let mut rewriter = Rewriter {
        kind: generator.kind,
        syntax: generator.syntax,
        item: generator.item,
        sent: generator.sent,
        in_macro_input: false,
        names,
        scope: Scope::Body,
        errors,
        changed: false,
        yields: 0,
        regions: Vec::new(),
        targets: Vec::new(),
        next_region: 0,
        in_deferred: None,
    };
    rewriter.visit_stmts(stmts);
    Rewritten {
        yields: rewriter.yields,
    }
}

struct Rewriter<'a> {
    kind: Kind,
    syntax: Syntax,
    item: Option<&'a syn::Type>,
    sent: Option<&'a syn::Type>,
    /// Whether the walk is in the input of a macro that is not yieldkit's.
    in_macro_input: bool,
    names: &'a Names,
    scope: Scope,
    errors: &'a mut Errors,
    /// Set when anything was rewritten; lets macro calls keep their original tokens
    /// when nothing inside them changed.
    changed: bool,
    yields: usize,
    /// The cleanup regions the walk is in, innermost last (see `cleanup.rs`).
    regions: Vec<cleanup::Region>,
    /// The loops and labelled blocks the walk is in, innermost last.
    targets: Vec<cleanup::Target>,
    /// How many regions the body has opened so far.
    next_region: usize,
    /// In a `defer!`'s block: the `defer!`.
    in_deferred: Option<Span>,
}

impl Rewriter<'_> {
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
        self.errors.at(span, message);
        self.changed = true;
        let keep = keep.map(|value| quote_spanned!(span=> let _ = || #value;));
        Expr::Verbatim(quote_spanned!(span=> { #keep __yieldkit_private::core::unreachable!() }))
    }

    /// Walks `f` in `scope`: a closure's or `async` block's own loops and regions are
    /// its own (nothing in it leaves the body's regions: its `return` and `?` leave
    /// the closure or block, and only the regions opened inside it).
    fn in_scope(&mut self, scope: Scope, f: impl FnOnce(&mut Self)) {
        let saved = core::mem::replace(&mut self.scope, scope);
        let targets = core::mem::take(&mut self.targets);
        let regions = core::mem::take(&mut self.regions);
        let deferred = self.in_deferred.take();
        f(self);
        self.scope = saved;
        self.targets = targets;
        self.regions = regions;
        self.in_deferred = deferred;
    }
}

impl Rewriter<'_> {
    /// `#[for_await]` on a loop: once, without arguments.
    fn check_markers(&mut self, attrs: &[Attribute]) {
        let markers: Vec<&Attribute> = attrs.iter().filter(|a| for_await::is_marker(a)).collect();
        for marker in &markers {
            if let syn::Meta::List(list) = &marker.meta {
                self.errors.at(
                    list.delimiter.span().join(),
                    "`#[for_await]` takes no arguments: write `#[for_await] for x in stream { .. }`",
                );
            }
        }
        for extra in markers.iter().skip(1) {
            self.errors.at(
                extra.path().span(),
                "`#[for_await]` is given twice; once is enough",
            );
        }
    }

    /// A `#[for_await]` on anything but a `for` loop, reported and taken off (it would
    /// otherwise be an unknown attribute, or silently mean nothing).
    fn misplaced_markers(&mut self, attrs: &mut Vec<Attribute>) {
        let before = attrs.len();
        for marker in attrs.iter().filter(|a| for_await::is_marker(a)) {
            self.errors.at(
                marker.path().span(),
                "`#[for_await]` goes on a `for` loop: `#[for_await] for x in stream { .. }`",
            );
        }
        attrs.retain(|a| !for_await::is_marker(a));
        if attrs.len() != before {
            self.changed = true;
        }
    }
}

/// The attributes of an expression in statement position.
fn expr_attrs(expr: &mut Expr) -> Option<&mut Vec<Attribute>> {
    Some(match expr {
        Expr::Array(e) => &mut e.attrs,
        Expr::Assign(e) => &mut e.attrs,
        Expr::Async(e) => &mut e.attrs,
        Expr::Await(e) => &mut e.attrs,
        Expr::Binary(e) => &mut e.attrs,
        Expr::Block(e) => &mut e.attrs,
        Expr::Break(e) => &mut e.attrs,
        Expr::Call(e) => &mut e.attrs,
        Expr::Closure(e) => &mut e.attrs,
        Expr::Continue(e) => &mut e.attrs,
        Expr::Field(e) => &mut e.attrs,
        Expr::If(e) => &mut e.attrs,
        Expr::Index(e) => &mut e.attrs,
        Expr::Let(e) => &mut e.attrs,
        Expr::Lit(e) => &mut e.attrs,
        Expr::Loop(e) => &mut e.attrs,
        Expr::Macro(e) => &mut e.attrs,
        Expr::Match(e) => &mut e.attrs,
        Expr::MethodCall(e) => &mut e.attrs,
        Expr::Paren(e) => &mut e.attrs,
        Expr::Path(e) => &mut e.attrs,
        Expr::Return(e) => &mut e.attrs,
        Expr::Try(e) => &mut e.attrs,
        Expr::Unary(e) => &mut e.attrs,
        Expr::Unsafe(e) => &mut e.attrs,
        Expr::While(e) => &mut e.attrs,
        Expr::Yield(e) => &mut e.attrs,
        _ => return None,
    })
}

/// The expression, leaving an empty one in its place (for one about to be replaced by
/// what it is rewritten into).
fn take(expr: &mut Expr) -> Expr {
    core::mem::replace(expr, Expr::Verbatim(TokenStream::new()))
}

/// What replaces an expression, with the attributes it carried (a statement's
/// `#[cfg(..)]` or lint attributes) put back in front, in parentheses: a replacement is
/// a block or a `match`, which as the left operand at the start of a statement or a
/// match arm (`yield_!(f)(x);`, `0 => yield_!(v)[0],`) would end it. (A macro call
/// that is a statement of its own is replaced without them.)
fn with_attrs(attrs: Vec<Attribute>, new: Expr) -> Expr {
    Expr::Paren(syn::ExprParen {
        attrs,
        paren_token: syn::token::Paren(Span::mixed_site()),
        expr: Box::new(new),
    })
}

impl Rewriter<'_> {
    pub(crate) fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Macro(m) => {
                if let Some(new) = self.macro_call(&mut m.mac, false) {
                    *expr = with_attrs(core::mem::take(&mut m.attrs), new);
                }
            }
            Expr::Yield(y) if self.syntax == Syntax::Bare || !self.in_macro_input => {
                let span = y.yield_token.span;
                if self.syntax == Syntax::Macro {
                    self.bare_yield(span);
                }
                let mut value = y.expr.take().map(|e| *e);
                if let Some(value) = &mut value {
                    self.visit_expr_mut(value);
                }
                let new = self.yield_expr(span, "`yield`", value);
                *expr = with_attrs(core::mem::take(&mut y.attrs), new);
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
                let inner = take(&mut t.expr);
                let new = self.try_expr(question, inner);
                *expr = with_attrs(core::mem::take(&mut t.attrs), new);
            }
            Expr::Break(b) if self.in_region() => {
                if let Some(value) = &mut b.expr {
                    self.visit_expr_mut(value);
                }
                let key = cleanup::ExitKey::Break(b.label.clone());
                let value = b.expr.as_ref().map(ToTokens::to_token_stream);
                if let Some(new) = self.exit(&key, value, b.break_token.span) {
                    self.changed = true;
                    *expr = with_attrs(core::mem::take(&mut b.attrs), Expr::Verbatim(new));
                }
            }
            Expr::Continue(c) if self.in_region() => {
                let key = cleanup::ExitKey::Continue(c.label.clone());
                if let Some(new) = self.exit(&key, None, c.continue_token.span) {
                    self.changed = true;
                    *expr = with_attrs(core::mem::take(&mut c.attrs), Expr::Verbatim(new));
                }
            }
            Expr::Try(t) if self.in_region() => {
                self.visit_expr_mut(&mut t.expr);
                let question = t.question_token.span;
                let inner = take(&mut t.expr);
                let new = self.try_in_region(question, inner);
                *expr = with_attrs(core::mem::take(&mut t.attrs), new);
            }
            // The body's `return`, and an `async` block's out of a loop in it that owns
            // its stream.
            Expr::Return(r) if self.scope == Scope::Body || self.in_region() => {
                if let Some(value) = &mut r.expr {
                    self.visit_expr_mut(value);
                }
                if let Some(new) = self.return_expr(r) {
                    *expr = with_attrs(core::mem::take(&mut r.attrs), new);
                }
            }
            Expr::ForLoop(f) if has_for_await_marker(&f.attrs) => {
                self.check_markers(&f.attrs);
                if self.scope == Scope::Body {
                    self.cannot_await(f.for_token.span, "use `for await`");
                }
                self.visit_expr_mut(&mut f.expr);
                self.changed = true;
                let Expr::ForLoop(f) = take(expr) else {
                    unreachable!("matched as a `for` loop")
                };
                *expr = self.owning_for_await(f);
            }
            _ => self.walk_expr(expr),
        }
    }

    pub(crate) fn visit_stmt_mut(&mut self, stmt: &mut Stmt) {
        let attrs = match stmt {
            Stmt::Local(local) => Some(&mut local.attrs),
            Stmt::Expr(expr, _) if !matches!(expr, Expr::ForLoop(_)) => expr_attrs(expr),
            Stmt::Macro(mac) => Some(&mut mac.attrs),
            _ => None,
        };
        if let Some(attrs) = attrs {
            self.misplaced_markers(attrs);
        }
        if let Stmt::Macro(m) = stmt {
            if let Some(new) = self.macro_call(&mut m.mac, m.semi_token.is_some()) {
                let semi = m.semi_token.take().unwrap_or_default();
                let attrs = &m.attrs;
                // In braces: a `match` of unit type followed by `;` draws
                // `clippy::unnecessary_semicolon` at the user's call.
                *stmt = Stmt::Expr(Expr::Verbatim(quote!(#(#attrs)* { #new })), Some(semi));
            }
            return;
        }
        // Nested items are not part of the body (see `items.rs`).
        self.walk_stmt(stmt);
    }
}
