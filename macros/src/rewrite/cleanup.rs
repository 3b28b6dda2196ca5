//! Cleanup scopes: `defer! { .. }`, and the loops that close the generator they own
//! (`#[for_await]`, `yield_from!`). One lowering for both, a *region*: code whose every
//! way out runs the region's deferred code first.
//!
//! Input: `stmts` with deferred code `D` (a `defer!`'s block, or a loop's close of its
//! source)
//! Output:
//! ```text
//! {
//!     yielder.enter_cleanup();                     // if C
//!     let mut exit_k = None;                        // one per exit that carries a value
//!     let flow = 'r: { ControlFlow::Continue({ stmts }) };
//!     yielder.leave_cleanup();                     // if C
//!     if true { D }
//!     match flow {
//!         ControlFlow::Continue(value) => value,    // the region's own end
//!         ControlFlow::Break(k) => /* exit k, again, from outside the region */,
//!     }
//! }
//! ```
//! Every exit in `stmts` that leaves the region (`return`, `?`, a `break` / `continue`
//! to a loop or block outside it, and a close, seen at a yield) is rewritten into
//! `{ exit_k = Some(value); break 'r ControlFlow::Break(k) }`, and made again after
//! `D`, where it may leave the next region out in the same way. `C` says whether the
//! region has cleanup a close must run (`true` for `defer!`, `false` for a loop: see
//! `open_probed_region`): while the body is inside such a region,
//! a close polls it to its end instead of dropping it, and the yields in it check for
//! the close (see the runtime's `close.rs`).
//!
//! Closing reuses the exits the body already has: no new way into the body or its
//! handle. A body without regions is rewritten exactly as before.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};
use syn::spanned::Spanned;
use syn::{Block, Expr, ExprForLoop, Item, Lifetime, Stmt};

use super::for_await;
use super::{Kind, Rewriter, Scope, local};

/// An open region, while its statements are walked.
pub(super) struct Region {
    /// Numbers its label and locals apart from every other region's.
    id: usize,
    /// `C`: whether a close must run this region's deferred code (a `defer!`'s), so
    /// the body counts it and its yields check for a close.
    closes: bool,
    /// The exits that leave it, each a group `k` of its `match`.
    exits: Vec<Exit>,
    span: Span,
}

/// A way out of a region.
struct Exit {
    key: ExitKey,
    /// The local that carries its value, if it has one.
    value: Option<syn::Ident>,
    /// The exit, made again after the deferred code.
    again: TokenStream,
}

/// What an exit does; exits alike share a group.
#[derive(Clone, PartialEq, Eq)]
pub(super) enum ExitKey {
    /// `return`, and in a coroutine or `async fn` a `?`.
    Return,
    /// `?` in an async generator or a generator: the error is its last item.
    Residual,
    /// A close, seen at a yield.
    Close,
    /// `break` (its label, if it has one).
    Break(Option<Lifetime>),
    /// `continue` (its label, if it has one).
    Continue(Option<Lifetime>),
}

/// Where a `break` or `continue` can go: a loop, or a labelled block.
pub(super) struct Target {
    label: Option<String>,
    is_loop: bool,
    /// How many regions were open where it starts: a jump to it leaves the rest.
    regions: usize,
}

/// What a region's walk found, for [`Rewriter::region`].
pub(super) struct Closed(Region);

/// Whether `stmt` is a `defer!` (bare, or `yieldkit::defer!`).
pub(super) fn is_defer(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Macro(m) => is_defer_path(&m.mac.path),
        _ => false,
    }
}

pub(super) fn is_defer_path(path: &syn::Path) -> bool {
    let segments = &path.segments;
    segments.last().is_some_and(|last| last.ident == "defer")
        && (segments.len() == 1 || (segments.len() == 2 && segments[0].ident == "yieldkit"))
}

impl Rewriter<'_> {
    /// Whether the walk is in a region: of the body's own code, or of the `async`
    /// block it is in (whose regions are its own, see `in_scope`).
    pub(super) fn in_region(&self) -> bool {
        !self.regions.is_empty()
    }

    /// `C` of the yields here: whether any region around them has cleanup a close must
    /// run.
    pub(super) fn closes_here(&self) -> bool {
        self.scope == Scope::Body && self.regions.iter().any(|region| region.closes)
    }

    /// Opens a region; `closes` is its `C`.
    pub(super) fn open_region(&mut self, closes: bool, span: Span) {
        self.next_region += 1;
        self.regions.push(Region {
            id: self.next_region,
            closes,
            exits: Vec::new(),
            span,
        });
    }

    pub(super) fn close_region(&mut self) -> Closed {
        Closed(self.regions.pop().expect("a region is open"))
    }

    /// Walks `f` with a `break` / `continue` target open.
    pub(super) fn with_target<T>(
        &mut self,
        label: Option<&Lifetime>,
        is_loop: bool,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        self.targets.push(Target {
            label: label.map(|label| label.ident.to_string()),
            is_loop,
            regions: self.regions.len(),
        });
        let output = f(self);
        self.targets.pop();
        output
    }

    /// How many of the first `depth` regions `key` leaves: all of them for a
    /// `return`, the ones inside its target for a `break` / `continue` (to the
    /// innermost loop when it has no label).
    fn regions_left(&self, key: &ExitKey, depth: usize) -> usize {
        let label = match key {
            ExitKey::Return | ExitKey::Residual | ExitKey::Close => return depth,
            ExitKey::Break(label) | ExitKey::Continue(label) => label,
        };
        let target = self.targets.iter().rev().find(|target| match label {
            Some(label) => target.label.as_deref() == Some(&label.ident.to_string()),
            None => target.is_loop,
        });
        // A jump to nothing in the body is the compiler's error to report.
        target.map_or(0, |target| depth.saturating_sub(target.regions))
    }

    /// An exit from where the walk is, if it leaves a region: the tokens that take it
    /// there. `None`: it leaves none, and stays as it is.
    pub(super) fn exit(
        &mut self,
        key: &ExitKey,
        value: Option<TokenStream>,
        span: Span,
    ) -> Option<TokenStream> {
        if self.regions_left(key, self.regions.len()) == 0 {
            return None;
        }
        Some(self.exit_from(self.regions.len(), key, value, span))
    }

    /// The exit `key` from inside the first `depth` regions: through the innermost's
    /// `match` group, and from there on as the exit goes.
    fn exit_from(
        &mut self,
        depth: usize,
        key: &ExitKey,
        value: Option<TokenStream>,
        span: Span,
    ) -> TokenStream {
        let left = self.regions_left(key, depth);
        let region = depth.wrapping_sub(1);
        if left == 0 {
            return self.final_exit(key, value, span);
        }
        let group = match self.regions[region]
            .exits
            .iter()
            .position(|exit| exit.key == *key)
        {
            Some(group) => group,
            None => {
                let id = self.regions[region].id;
                let k = self.regions[region].exits.len();
                let carried = value
                    .is_some()
                    .then(|| local(&format!("__yieldkit_exit_{id}_{k}"), span));
                let again_value = carried.as_ref().map(|carried| {
                    // A name no user item is likely to have (an item in scope with a
                    // binding's name turns it into a pattern, whatever its hygiene).
                    quote_spanned!(span=> match #carried {
                        __yieldkit_private::core::option::Option::Some(__yieldkit_value) => __yieldkit_value,
                        __yieldkit_private::core::option::Option::None => __yieldkit_private::dead(),
                    })
                });
                let again = self.exit_from(region, key, again_value, span);
                self.regions[region].exits.push(Exit {
                    key: key.clone(),
                    value: carried,
                    again,
                });
                k
            }
        };
        let region = &self.regions[region];
        let label = region_label(region.id, span);
        let group_lit = group_literal(group);
        let store = region.exits[group].value.as_ref().map(|carried| {
            quote_spanned!(span=> #carried = __yieldkit_private::core::option::Option::Some(#value);)
        });
        quote_spanned! {span=>
            {
                #store
                break #label __yieldkit_private::core::ops::ControlFlow::Break(#group_lit)
            }
        }
    }

    /// An exit that leaves no region: what the body writes for it without regions.
    fn final_exit(&self, key: &ExitKey, value: Option<TokenStream>, span: Span) -> TokenStream {
        let yielder = self.names.yielder_at(span);
        let body = self.names.label_at(span);
        match key {
            // An `async` block's own `return` (and `?`, see `try_in_region`).
            ExitKey::Return if self.scope != Scope::Body => quote_spanned!(span=> return #value),
            ExitKey::Return if self.kind.returns_value() => {
                quote_spanned!(span=> break #body #value)
            }
            ExitKey::Return => quote_spanned!(span=> return #value),
            ExitKey::Residual => {
                // As `try_expr` writes it: the `loop` is the macro's, not the user's.
                let exit = quote_spanned!(Span::mixed_site()=> loop { break #body; });
                quote_spanned! {span=>
                    {
                        #yielder.yield_last(#value);
                        #exit
                    }
                }
            }
            ExitKey::Close if self.kind.returns_value() => {
                quote_spanned!(span=> match #yielder.park().await {})
            }
            ExitKey::Close => quote_spanned!(span=> return),
            ExitKey::Break(label) => quote_spanned!(span=> break #label #value),
            ExitKey::Continue(label) => quote_spanned!(span=> continue #label),
        }
    }

    /// The region around `body` (tokens of a block or an expression), with `deferred`
    /// run on every way out.
    pub(super) fn region(
        &self,
        closed: Closed,
        body: TokenStream,
        deferred: TokenStream,
    ) -> TokenStream {
        let Closed(region) = closed;
        // The scaffolding is the macro's, located at the region: lints about it (a
        // region whose statements never end makes its own end unreachable) stay
        // quiet; the user's statements and deferred code keep their spans.
        let span = Span::mixed_site().located_at(region.span);
        let value = local("__yieldkit_value", span);
        // An ordinary `async fn` is never closed: it has no handle to count with.
        let (enter, leave) = if region.closes && self.kind != Kind::PlainAsync {
            let yielder = self.names.yielder_at(span);
            (
                quote_spanned!(span=> #yielder.enter_cleanup();),
                quote_spanned!(span=> #yielder.leave_cleanup();),
            )
        } else {
            (TokenStream::new(), TokenStream::new())
        };
        // The deferred code goes in `if true { .. }`: deferred code that leaves by itself
        // (a `return`, a `continue`, a panic) would otherwise make what follows it here
        // unreachable, which rustc reports at the `defer!`.
        if region.exits.is_empty() {
            return quote_spanned! {span=>
                {
                    #enter
                    let #value = #body;
                    #leave
                    if true #deferred
                    #value
                }
            };
        }
        let flow = local("__yieldkit_flow", span);
        let label = region_label(region.id, span);
        let carried = region
            .exits
            .iter()
            .filter_map(|exit| exit.value.as_ref())
            .map(|carried| quote_spanned!(span=> let mut #carried = __yieldkit_private::core::option::Option::None;));
        let groups = region.exits.iter().enumerate().map(|(k, exit)| {
            let k = group_literal(k);
            let again = &exit.again;
            quote_spanned!(span=> __yieldkit_private::core::ops::ControlFlow::Break(#k) => #again,)
        });
        quote_spanned! {span=>
            {
                #enter
                #(#carried)*
                let #flow = #label: {
                    let #value = #body;
                    #[allow(unreachable_code)]
                    break #label __yieldkit_private::core::ops::ControlFlow::<u8, _>::Continue(#value);
                };
                #leave
                if true #deferred
                match #flow {
                    __yieldkit_private::core::ops::ControlFlow::Continue(#value) => #value,
                    #(#groups)*
                    __yieldkit_private::core::ops::ControlFlow::Break(_) => __yieldkit_private::dead(),
                }
            }
        }
    }

    /// The statements of a block, walked; a `defer!` among them makes the rest of
    /// them a region, with its block as the deferred code.
    pub(super) fn visit_stmts(&mut self, stmts: &mut Vec<Stmt>) {
        let Some(first) = stmts.iter().position(is_defer) else {
            for stmt in stmts.iter_mut() {
                self.visit_stmt_mut(stmt);
            }
            return;
        };
        for stmt in &mut stmts[..first] {
            self.visit_stmt_mut(stmt);
        }
        let mut rest = stmts.split_off(first);
        let Stmt::Macro(defer) = rest.remove(0) else {
            unreachable!("found as a `defer!`")
        };
        let span = defer.mac.path.span();
        let Some(mut deferred) = self.deferred_block(&defer) else {
            // Reported; the rest is walked as if it were not there.
            self.visit_stmts(&mut rest);
            stmts.extend(rest);
            return;
        };
        // The deferred code runs outside the region, after it.
        let saved = self.in_deferred.replace(span);
        self.visit_stmts(&mut deferred.stmts);
        self.in_deferred = saved;
        self.changed = true;
        // Items are not code that runs: they stay in the block, outside the region
        // (`macro_rules!` is textual, and stays where it is).
        let (items, mut rest): (Vec<Stmt>, Vec<Stmt>) = rest.into_iter().partition(|stmt| {
            matches!(stmt, Stmt::Item(item) if !matches!(item, Item::Macro(m) if m.mac.path.is_ident("macro_rules")))
        });
        stmts.extend(items);
        self.open_region(true, span);
        self.visit_stmts(&mut rest);
        let closed = self.close_region();
        let body = Block {
            brace_token: syn::token::Brace(Span::mixed_site().located_at(span)),
            stmts: rest,
        };
        let region = self.region(
            closed,
            body.into_token_stream(),
            deferred.into_token_stream(),
        );
        stmts.push(Stmt::Expr(Expr::Verbatim(region), None));
    }

    /// The block of a `defer! { .. }` statement, or the error for one that is not
    /// where it can be.
    fn deferred_block(&mut self, defer: &syn::StmtMacro) -> Option<Block> {
        let span = defer.mac.path.span();
        if let Some(message) = self.misplaced_defer() {
            self.errors.at(span, message);
            return None;
        }
        match defer.mac.parse_body_with(Block::parse_within) {
            Ok(stmts) => Some(Block {
                brace_token: syn::token::Brace(defer.mac.delimiter.span().join()),
                stmts,
            }),
            Err(err) => {
                self.errors.at(err.span(), err);
                None
            }
        }
    }

    /// Why a `defer!` statement cannot be here, if it cannot.
    fn misplaced_defer(&self) -> Option<String> {
        match self.scope {
            Scope::Body if self.in_macro_input => Some(
                "`defer!` cannot be used inside another macro's input: write it as a statement \
                 of the body itself"
                    .to_owned(),
            ),
            Scope::Body => None,
            Scope::Closure => Some(
                "`defer!` cannot be used inside a closure: the closure is a separate function, \
                 not part of the generator's body; put the `defer!` in the body itself, or use \
                 a value with a `Drop` impl for cleanup the closure needs"
                    .to_owned(),
            ),
            Scope::AsyncBlock => Some(
                "`defer!` cannot be used inside an `async` block: the block is a separate \
                 future, not part of the generator's body; put the `defer!` in the body itself"
                    .to_owned(),
            ),
        }
    }

    /// A `defer!` anywhere but as a statement of a block in the body.
    pub(super) fn defer_not_statement(&mut self, span: Span) -> Expr {
        let message = self.misplaced_defer().unwrap_or_else(|| {
            "`defer!` is a statement: write `defer! { cleanup }` on its own line in a block \
             of the body (its block runs when that block is left)"
                .to_owned()
        });
        self.errors.at(span, message);
        self.changed = true;
        // `()`, not a diverging stand-in: nothing after it turns unreachable.
        Expr::Verbatim(quote_spanned!(span=> ()))
    }

    /// The error for a yield in deferred code.
    pub(super) fn yield_in_deferred(&self, what: &str) -> Option<String> {
        self.in_deferred.map(|_| {
            format!(
                "{what} cannot be used in a `defer!` block: deferred code runs while the \
                 generator is leaving (ending, returning, or being closed), when nothing can \
                 take a value; yield before the `defer!`, or keep the value for the caller \
                 in a variable it can read"
            )
        })
    }
}

impl Rewriter<'_> {
    /// Input: `#[for_await] for pat in stream { body }`, its stream walked already
    /// Output: the loop (see `for_await.rs`), which is a region (of the body's own code,
    /// or of an `async` block or closure in it) that closes the stream when the loop
    /// stops before its end, if the stream is a yieldkit generator the loop owns (a
    /// loop that cannot stop before its end, with no `break`, no macro call but
    /// yieldkit's and no exit, is the plain loop: benchmark W4):
    /// ```text
    /// {
    ///     let mut s = pin!(ForAwait::into_checked(stream));
    ///     let kind = (&Probe::of(&*s)).__yieldkit_close_kind(); // `Closes` or `Drops`
    ///     /* region, C = false */ { while let .. { .. } }
    ///     /* deferred: */ kind.aclose(s.as_mut()).await;
    /// }
    /// ```
    pub(super) fn owning_for_await(&mut self, mut for_loop: ExprForLoop) -> Expr {
        let label = for_loop.label.as_ref().map(|label| label.name.clone());
        if self.scope == Scope::Closure {
            // Not in an `async` block or closure: `.await` is an error here, which the
            // compiler reports at the loop's `next().await`.
            self.with_target(label.as_ref(), true, |this| {
                this.visit_block_mut(&mut for_loop.body)
            });
            return for_await::lower(for_loop);
        }
        let span = for_loop.for_token.span;
        // Read before the walk, which writes `break`s of its own into the yields.
        let may_break = may_break(for_loop.body.to_token_stream());
        let kind = self.open_probed_region(span);
        self.with_target(label.as_ref(), true, |this| {
            this.visit_block_mut(&mut for_loop.body)
        });
        let closed = self.close_region();
        if closed.0.exits.is_empty() && !may_break {
            // Nothing leaves the loop but the stream's own end (or a drop): there is
            // never anything to close, and the loop is lowered as it is without one.
            return for_await::lower(for_loop);
        }
        let for_await::Lowered {
            attrs,
            setup,
            looped,
            stream,
            span,
        } = for_await::parts(for_loop);
        let probe = probe(&kind, &quote_spanned!(span=> &*#stream), span);
        let traits = probe_traits();
        let deferred = quote_spanned!(span=> { #kind.aclose(#stream.as_mut()).await; });
        let region = self.region(closed, quote_spanned!(span=> { #looped }), deferred);
        Expr::Verbatim(quote_spanned! {span=>
            #(#attrs)*
            {
                #traits
                #setup
                #probe
                #region
            }
        })
    }

    /// Input: `for pat in iterable { body }` (a generator's `yield_from!`)
    /// Output: the loop, a region that closes the iterator when the loop stops before
    /// its end, if the iterator is a yieldkit generator the loop owns:
    /// ```text
    /// {
    ///     let mut it = YieldFromIter::into_owned_iter(iterable); // `into_iter`, with the item type
    ///     let kind = (&Probe::of(&it.iter)).__yieldkit_close_kind();
    ///     /* region, C = false */ { while let Some(x) = it.next_item() { let pat = x; .. } }
    ///     /* deferred: */ kind.close(&mut it.iter);
    /// }
    /// ```
    pub(super) fn owning_for(&mut self, mut for_loop: ExprForLoop) -> Expr {
        let span = for_loop.for_token.span;
        if self.scope != Scope::Body {
            return Expr::ForLoop(for_loop);
        }
        let label = for_loop.label.as_ref().map(|label| label.name.clone());
        let kind = self.open_probed_region(span);
        self.with_target(label.as_ref(), true, |this| {
            this.visit_block_mut(&mut for_loop.body)
        });
        let closed = self.close_region();
        let ExprForLoop {
            attrs,
            label,
            pat,
            expr,
            body,
            ..
        } = for_loop;
        let iter = local("iter", span);
        let item = local("item", span);
        let stmts = body.stmts;
        let expr_span = expr.span();
        let owned =
            quote_spanned!(expr_span=> __yieldkit_private::YieldFromIter::into_owned_iter(#expr));
        let probe = probe(&kind, &quote_spanned!(span=> &#iter.iter), span);
        let traits = probe_traits();
        let looped = quote_spanned! {span=>
            {
                #label while let __yieldkit_private::core::option::Option::Some(#item) = #iter.next_item() {
                    let #pat = #item;
                    #(#stmts)*
                }
            }
        };
        let deferred = quote_spanned!(span=> { #kind.close(&mut #iter.iter); });
        let region = self.region(closed, looped, deferred);
        Expr::Verbatim(quote_spanned! {span=>
            #(#attrs)*
            {
                #traits
                let mut #iter = #owned;
                #probe
                #region
            }
        })
    }

    /// Opens a loop's region; returns the local of its probe.
    ///
    /// Its `C` is `false`: the loop closes its source on its own exits, at no cost per
    /// item, but adds no close check to the yields in it, and a close of the generator
    /// does not wait for it. Inside a `defer!`'s region (whose `C` is `true`) the yields
    /// check, and a close leaves the loop by its exits, closing the source first. A body
    /// without deferred code is dropped by a close, its sources with it, as before:
    /// loops that own a generator cost nothing per item (benchmark W4).
    fn open_probed_region(&mut self, span: Span) -> syn::Ident {
        let kind = local(&format!("__yieldkit_kind_{}", self.next_region + 1), span);
        self.open_region(false, span);
        kind
    }
}

/// Whether a loop body may `break` out of its loop: it has a `break` (perhaps only of
/// a loop inside it: a loop that might stop early is lowered as one that does), or a
/// macro call other than yieldkit's, whose expansion yieldkit does not see. Every
/// other way out (`return`, `?`, a labelled `continue`, a close) is an exit of the
/// loop's region, which the walk records.
fn may_break(tokens: TokenStream) -> bool {
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            proc_macro2::TokenTree::Ident(ident) => {
                // `name!`, not `name != x`.
                let bang = matches!(tokens.peek(), Some(proc_macro2::TokenTree::Punct(p))
                    if p.as_char() == '!' && p.spacing() == proc_macro2::Spacing::Alone);
                let ours = ident == "yield_" || ident == "yield_from" || ident == "defer";
                if ident == "break" || (bang && !ours) {
                    return true;
                }
            }
            proc_macro2::TokenTree::Group(group) if may_break(group.stream()) => return true,
            _ => {}
        }
    }
    false
}

/// The two traits the probe's method is looked up in (see the runtime's `close.rs`),
/// imported at the start of the loop's block (an item after statements draws
/// `clippy::items_after_statements`).
fn probe_traits() -> TokenStream {
    quote_spanned! {Span::mixed_site()=>
        #[allow(unused_imports)]
        use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
    }
}

/// `let kind = (&Probe::of(source)).__yieldkit_close_kind();`
fn probe(kind: &syn::Ident, source: &TokenStream, span: Span) -> TokenStream {
    quote_spanned! {span=>
        let #kind = (&__yieldkit_private::Probe::of(#source)).__yieldkit_close_kind();
    }
}

/// `k`, as a `match` group's number.
fn group_literal(k: usize) -> proc_macro2::Literal {
    // More than 255 kinds of exit from one region is not a body anyone writes; the
    // last group then stands for the rest, and the compiler reports the mismatch.
    proc_macro2::Literal::u8_unsuffixed(u8::try_from(k).unwrap_or(u8::MAX))
}

/// The label of region `id`, which no user code can name.
fn region_label(id: usize, span: Span) -> Lifetime {
    let at = Span::mixed_site().located_at(span);
    Lifetime {
        apostrophe: at,
        ident: syn::Ident::new(&format!("__yieldkit_region_{id}"), at),
    }
}
