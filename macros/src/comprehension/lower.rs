//! `collect!` lowered: the clauses become nested loops (leftmost outermost), run in
//! place for the eager forms, or made the body of a generator for the lazy ones, built
//! as syntax trees and handed to the same rewriter and emitter as `stream!` / `iter!`;
//! `buffered` forms drive a generator of element futures.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, Lifetime, Pat, Stmt};

use super::bindings::clause_bindings;
use super::build::{
    block_expr, call, for_loop, if_, let_, match_, method_call, semi, stmts, typed, verbatim,
    yield_,
};
use super::{Buffering, Clause, Comprehension, ForAwaitClauses, Laziness, Modes};
use crate::block;
use crate::errors::Errors;
use crate::form::Form;
use crate::rewrite::lower_for_await;

/// The lowering's locals, hygienic: user code cannot name them.
struct Locals {
    out: Ident,
    item: Ident,
    first: Ident,
    bindings: Ident,
    buffered: Ident,
    value: Ident,
    error: Ident,
    /// With `try`: set at the first `Err`, which leaves the loops one by one, each
    /// closing its source.
    stop: Ident,
    /// With `buffered(n), try`: the flag the consumer of the element futures raises at
    /// the first `Err`, which the producer checks after each yield; the lazy form's
    /// producer holds its own `Arc` of it.
    halt: Ident,
    producer_halt: Ident,
    label: Lifetime,
}

impl Locals {
    fn new() -> Self {
        let ident = |name: &str| Ident::new(name, Span::mixed_site());
        Self {
            out: ident("__yieldkit_out"),
            item: ident("__yieldkit_item"),
            first: ident("__yieldkit_first"),
            bindings: ident("__yieldkit_bindings"),
            buffered: ident("__yieldkit_buffered"),
            value: ident("__yieldkit_value"),
            error: ident("__yieldkit_error"),
            stop: ident("__yieldkit_stop"),
            halt: ident("__yieldkit_halt"),
            producer_halt: ident("__yieldkit_producer_halt"),
            label: Lifetime {
                apostrophe: Span::mixed_site(),
                ident: ident("__yieldkit_comprehension"),
            },
        }
    }
}

// Input:  collect![ELEM CLAUSES ; OPTIONS], parsed and valid
// Output: see `eager`, `eager_buffered`, `lazy` and `lazy_buffered`.
pub(super) fn expand(mut comp: Comprehension) -> TokenStream {
    let names = Locals::new();
    match (comp.options.laziness, comp.options.buffering.take()) {
        (Laziness::Eager, None) => {
            let mut tokens = TokenStream::new();
            quote::ToTokens::to_tokens(
                &eager_with(comp, &names, ForAwaitClauses::Lowered),
                &mut tokens,
            );
            tokens
        }
        (Laziness::Eager, Some(buffering)) => eager_buffered(comp, &buffering, &names),
        (_, None) => lazy(comp, &names),
        (_, Some(buffering)) => lazy_buffered(comp, &buffering, &names),
    }
}

/// The eager form without `buffered`, as an expression: what the rewriter expands in
/// place in a generator body (with `for await` clauses `Marked`, for it to lower).
pub(crate) fn eager(comp: Comprehension, for_await: ForAwaitClauses) -> Expr {
    eager_with(comp, &Locals::new(), for_await)
}

/// The eager form as a statement: the loops, each element evaluated and dropped.
pub(crate) fn discarded(comp: Comprehension, for_await: ForAwaitClauses) -> Expr {
    let Parts {
        elem,
        span,
        clauses,
        ..
    } = parts(comp);
    let each = let_(Pat::Verbatim(quote!(_)), elem, span);
    let loops = nest(
        clauses,
        None,
        for_await,
        Sources::Dropped,
        &Locals::new(),
        vec![each],
    );
    block_expr(loops, Span::call_site())
}

/// A comprehension taken apart for lowering.
struct Parts {
    /// `elem`, or `(key, value)` for `key => value`.
    elem: Expr,
    /// The user's element (the key), where the lowering's own code is reported.
    span: Span,
    clauses: Vec<Clause>,
    options: Modes,
}

fn parts(comp: Comprehension) -> Parts {
    let Comprehension {
        elem,
        value,
        clauses,
        options,
    } = comp;
    let span = elem.span();
    let elem = match value {
        Some(value) => syn::Expr::Tuple(syn::ExprTuple {
            attrs: Vec::new(),
            paren_token: syn::token::Paren(elem.span()),
            elems: [elem, value].into_iter().collect(),
        }),
        None => elem,
    };
    Parts {
        elem,
        span,
        clauses,
        options,
    }
}

/// The `#[for_await]` marker the rewriter lowers.
fn for_await_marker(span: Span) -> Attribute {
    Attribute {
        pound_token: syn::Token![#](span),
        style: syn::AttrStyle::Outer,
        bracket_token: syn::token::Bracket(span),
        meta: syn::Meta::Path(Ident::new("for_await", span).into()),
    }
}

/// How the loops over the sources end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sources {
    /// With the loops: a source is dropped when its loop is left.
    Dropped,
    /// With `try`: each loop iterates its source by reference and closes it after the
    /// loop (a yieldkit generator stopped before its end runs its deferred code; for
    /// any other source, and one run to its end, this does nothing). The first `Err`
    /// sets `stop` and `break`s out of the innermost loop; after each inner loop,
    /// `if stop.is_some() { break; }` leaves the next one out.
    Closed,
}

impl Sources {
    /// `Closed` with `try`.
    fn with_try(try_: bool) -> Self {
        if try_ { Self::Closed } else { Self::Dropped }
    }
}

/// Wraps `inner` in the clauses, leftmost outermost. With `first`, the first clause
/// iterates that (already evaluated) local instead of its expression.
fn nest(
    clauses: Vec<Clause>,
    first: Option<&Ident>,
    for_await: ForAwaitClauses,
    sources: Sources,
    names: &Locals,
    inner: Vec<Stmt>,
) -> Vec<Stmt> {
    let mut body = inner;
    for (index, clause) in clauses.into_iter().enumerate().rev() {
        body = match clause {
            Clause::For {
                for_span,
                await_span,
                pat,
                ty,
                expr,
            } => {
                let span = for_span;
                let expr = match (index, first) {
                    // Reported at the user's expression, as the loop's head would be.
                    (0, Some(first)) => {
                        let mut first = first.clone();
                        first.set_span(Span::mixed_site().located_at(expr.span()));
                        verbatim(first)
                    }
                    _ => expr,
                };
                let is_async = await_span.is_some();
                let (expr, owned) = match sources {
                    Sources::Dropped => (expr, None),
                    Sources::Closed => {
                        let (take, borrowed, close) = owned_source(index, is_async, expr, span);
                        (borrowed, Some((take, close)))
                    }
                };
                let looped = match await_span {
                    Some(await_span) => {
                        // The loop's pattern carries the type: the lowering binds it with
                        // `let pat: T = item;`.
                        let marked = for_loop(
                            vec![for_await_marker(await_span)],
                            typed(pat, ty),
                            expr,
                            body,
                            span,
                        );
                        match for_await {
                            ForAwaitClauses::Marked => Expr::ForLoop(marked),
                            ForAwaitClauses::Lowered => lower_for_await(marked),
                        }
                    }
                    None => {
                        let (pat, body) = match ty {
                            // `for pat: T in ..` is not Rust: bind the item, then the
                            // pattern with its type.
                            Some(ty) => {
                                let item =
                                    Pat::Verbatim(quote::ToTokens::to_token_stream(&names.item));
                                let bind = let_(typed(pat, Some(ty)), verbatim(&names.item), span);
                                (item, stmts([vec![bind], body]))
                            }
                            None => (pat, body),
                        };
                        Expr::ForLoop(for_loop(Vec::new(), pat, expr, body, span))
                    }
                };
                match owned {
                    None => vec![Stmt::Expr(looped, None)],
                    Some((source_stmts, close)) => {
                        let stop = &names.stop;
                        let owned = block_expr(
                            stmts([source_stmts, vec![Stmt::Expr(looped, None), close]]),
                            Span::call_site(),
                        );
                        let mut each = vec![Stmt::Expr(owned, None)];
                        if index > 0 {
                            // Inside the previous clause's loop.
                            each.push(Stmt::Expr(
                                verbatim(quote!(if #stop.is_some() { break; })),
                                None,
                            ));
                        }
                        each
                    }
                }
            }
            Clause::If { if_span, cond } => {
                vec![Stmt::Expr(if_(cond, body, if_span), None)]
            }
            Clause::Let {
                let_span,
                pat,
                ty,
                expr,
            } => stmts([vec![let_(typed(pat, ty), expr, let_span)], body]),
        };
    }
    match sources {
        Sources::Closed => stmts([vec![new_stop(names)], body]),
        Sources::Dropped => body,
    }
}

/// A `for` clause's source, owned by a local so that it can be closed after the loop:
/// the statements that take it (`expr` stays a syntax tree, for the rewriter of a body
/// the loops land in), what the loop iterates (a borrow of it), and its close.
/// ```text
/// let mut source = pin!(ForAwait::into_checked(expr));   // `IntoIterator::into_iter(expr)`
/// let kind = (&Probe::of(&*source)).__yieldkit_close_kind();
/// /* the loop, over */ source.as_mut()                   // `&mut source`
/// kind.aclose(source.as_mut()).await;                     // `kind.close(&mut source);`
/// ```
fn owned_source(index: usize, is_async: bool, expr: Expr, span: Span) -> (Vec<Stmt>, Expr, Stmt) {
    let source = Ident::new(&format!("__yieldkit_source_{index}"), Span::mixed_site());
    let kind = Ident::new(&format!("__yieldkit_kind_{index}"), Span::mixed_site());
    let expr_span = expr.span();
    let (init, borrowed, probed, close) = if is_async {
        let checked = call(
            quote_spanned!(expr_span=> __yieldkit_private::ForAwait::into_checked),
            [expr],
            expr_span,
        );
        let pinned: Expr =
            syn::parse_quote_spanned!(span=> __yieldkit_private::core::pin::pin!(#checked));
        (
            pinned,
            quote!(#source.as_mut()),
            quote!(&*#source),
            quote!(#kind.aclose(#source.as_mut()).await;),
        )
    } else {
        let iter = call(
            quote_spanned!(expr_span=> __yieldkit_private::core::iter::IntoIterator::into_iter),
            [expr],
            expr_span,
        );
        (
            iter,
            quote!(&mut #source),
            quote!(&#source),
            quote!(#kind.close(&mut #source);),
        )
    };
    let take = vec![
        Stmt::Expr(
            verbatim(quote! {
                #[allow(unused_imports)]
                use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
            }),
            None,
        ),
        let_(Pat::Verbatim(quote!(mut #source)), init, span),
        Stmt::Expr(
            verbatim(quote! {
                let #kind = (&__yieldkit_private::Probe::of(#probed)).__yieldkit_close_kind();
            }),
            None,
        ),
    ];
    (take, verbatim(borrowed), Stmt::Expr(verbatim(close), None))
}

/// With `try`: `match TryElement::into_result(elem) { Ok(v) => on_ok, Err(e) => on_err }`
/// (a call of the trait's own: an error about a function's bound would point into the
/// runtime).
fn try_match(span: Span, elem: Expr, names: &Locals, on_ok: Vec<Stmt>, on_err: Vec<Stmt>) -> Expr {
    let Locals { value, error, .. } = names;
    let into_result = call(
        quote_spanned!(span=> __yieldkit_private::TryElement::into_result),
        [elem],
        span,
    );
    match_(
        into_result,
        vec![
            (
                quote!(__yieldkit_private::core::result::Result::Ok(#value)),
                on_ok,
            ),
            (
                quote!(__yieldkit_private::core::result::Result::Err(#error)),
                on_err,
            ),
        ],
        span,
    )
}

/// `let mut out = Vec::new();`
fn new_out(names: &Locals) -> Stmt {
    let out = &names.out;
    let_(
        Pat::Verbatim(quote!(mut #out)),
        verbatim(quote!(__yieldkit_private::Vec::new())),
        Span::call_site(),
    )
}

/// The collecting tail shared by the eager forms: `from_vec(out)`, whose target type
/// comes from the context.
fn from_vec(span: Span, names: &Locals) -> Expr {
    let out = &names.out;
    verbatim(quote_spanned!(span=> __yieldkit_private::from_vec(#out)))
}

// Input:  collect![elem for x in xs if c(x)]
// Output:
//     {
//         let mut out = Vec::new();
//         for x in xs { if c(x) { out.push(elem); } }
//         from_vec(out)        // FromIterator: the target type comes from the context
//     }
// With `try`, a first `Err` is kept in `stop` and leaves the loops one by one, each
// closing its source on the way (see `Sources::Closed`):
//     {
//         let mut out = Vec::new();
//         let mut stop = None;
//         { let mut source = ..; for x in &mut source { match into_result(elem) {
//             Ok(v) => out.push(v), Err(e) => { stop = Some(e); break; } } }
//           kind.close(&mut source); }
//         match stop { None => Ok(from_vec(out)), Some(e) => Err(e) }
//     }
fn eager_with(comp: Comprehension, names: &Locals, for_await: ForAwaitClauses) -> Expr {
    let Locals {
        out,
        value,
        error,
        stop,
        ..
    } = names;
    let Parts {
        elem,
        span,
        clauses,
        options,
    } = parts(comp);
    let push = |what: Expr| semi(method_call(verbatim(out), "push", [what], span), span);
    if options.try_.is_none() {
        let loops = nest(
            clauses,
            None,
            for_await,
            Sources::Dropped,
            names,
            vec![push(elem)],
        );
        return block_expr(
            stmts([
                vec![new_out(names)],
                loops,
                vec![Stmt::Expr(from_vec(span, names), None)],
            ]),
            Span::call_site(),
        );
    }
    let each = try_match(
        span,
        elem,
        names,
        vec![push(verbatim(value))],
        vec![stop_at(names, quote!(#error))],
    );
    let loops = nest(
        clauses,
        None,
        for_await,
        Sources::Closed,
        names,
        vec![Stmt::Expr(each, None)],
    );
    let collect = from_vec(span, names);
    let result = verbatim(quote! {
        match #stop {
            __yieldkit_private::core::option::Option::None => {
                __yieldkit_private::core::result::Result::Ok(#collect)
            }
            __yieldkit_private::core::option::Option::Some(#error) => {
                __yieldkit_private::core::result::Result::Err(#error)
            }
        }
    });
    block_expr(
        stmts([vec![new_out(names)], loops, vec![Stmt::Expr(result, None)]]),
        Span::call_site(),
    )
}

/// `let mut stop = None;`
fn new_stop(names: &Locals) -> Stmt {
    let stop = &names.stop;
    let_(
        Pat::Verbatim(quote!(mut #stop)),
        verbatim(quote!(__yieldkit_private::core::option::Option::None)),
        Span::call_site(),
    )
}

/// A `try` comprehension's first `Err`: `{ stop = Some(kept); break; }`, out of the
/// innermost loop (see `Sources::Closed`).
fn stop_at(names: &Locals, kept: TokenStream) -> Stmt {
    let stop = &names.stop;
    Stmt::Expr(
        verbatim(quote!({
            #stop = __yieldkit_private::core::option::Option::Some(#kept);
            break;
        })),
        None,
    )
}

/// A buffered `try` comprehension's producer, after each yield: `if flag.load(..) {
/// stop = Some(()); break; }`, stopping once the consumer has seen an `Err`.
fn halted(names: &Locals, flag: &Ident) -> TokenStream {
    let stop = stop_at(names, quote!(()));
    quote! {
        if #flag.load(__yieldkit_private::core::sync::atomic::Ordering::Relaxed) #stop
    }
}

// Input:  collect![elem for x in xs if c(x); iter]   (or `stream`)
// Output:
//     {
//         let first = IntoIterator::into_iter(xs);   // `xs` for `for await`
//         <generator: for x in first { if c(x) { yield elem; } }>
//     }
// The generator is built like an `iter!` / `stream!` block's, from the loops as a
// syntax tree.
fn lazy(comp: Comprehension, names: &Locals) -> TokenStream {
    let Locals { value, error, .. } = names;
    let Parts {
        elem,
        span: elem_span,
        clauses,
        options,
    } = parts(comp);
    // The yields are the expansion's, not the user's: spanned at the macro, so that
    // lints about the element (`unused_braces`) treat it as generated code.
    let span = Span::call_site();
    let each = if options.try_.is_some() {
        Stmt::Expr(
            try_match(
                elem_span,
                elem,
                names,
                vec![semi(
                    yield_(
                        verbatim(quote!(__yieldkit_private::core::result::Result::Ok(#value))),
                        span,
                    ),
                    span,
                )],
                vec![
                    semi(
                        yield_(
                            verbatim(quote!(__yieldkit_private::core::result::Result::Err(#error))),
                            span,
                        ),
                        span,
                    ),
                    stop_at(names, quote!(())),
                ],
            ),
            None,
        )
    } else {
        semi(yield_(elem, span), span)
    };
    let form = if options.laziness == Laziness::Iter {
        Form::Generator
    } else {
        Form::AsyncGen
    };
    let sources = Sources::with_try(options.try_.is_some());
    let (first_let, generator) = lazy_generator(clauses, elem_span, names, form, sources, each);
    quote! {{
        #first_let
        #generator
    }}
}

/// A lazy form's generator, whose innermost loop runs `each`, and the `let` of its
/// first iterable, which comes before it.
fn lazy_generator(
    clauses: Vec<Clause>,
    span: Span,
    names: &Locals,
    form: Form,
    sources: Sources,
    each: Stmt,
) -> (TokenStream, TokenStream) {
    let (first, first_let) = first_iterable(&clauses, names);
    let loops = nest(
        clauses,
        Some(first),
        ForAwaitClauses::Marked,
        sources,
        names,
        vec![each],
    );
    let mut errors = Errors::new();
    let generator = block::generator(form, None, loops, span, &mut errors);
    let errors = errors.to_compile_errors();
    (first_let, quote!({ #errors #generator }))
}

/// The lazy forms evaluate their first iterable at once, as Python does.
fn first_iterable<'n>(clauses: &[Clause], names: &'n Locals) -> (&'n Ident, TokenStream) {
    let first = &names.first;
    let value = match clauses.first() {
        Some(Clause::For {
            await_span: None,
            expr,
            ..
        }) => {
            quote_spanned!(expr.span()=> __yieldkit_private::core::iter::IntoIterator::into_iter(#expr))
        }
        // A stream is checked where the loop starts, reported at this expression.
        Some(Clause::For { expr, .. }) => quote!(#expr),
        // The parser makes the first clause a `for`.
        _ => TokenStream::new(),
    };
    (first, quote!(let #first = #value;))
}

// Input:  collect![elem for x in xs if c(x); buffered(n)]
// Output:
//     {
//         // A generator of element futures that borrows the environment; each future
//         // takes the clauses' bindings by value and borrows the rest.
//         let producer = pin!(AsyncGen::new(|token| async {   // `generator_body!`
//             let mut y = /* the handle, from `token` */;
//             for x in xs { if c(x) {
//                 let b = Bindings((x,));
//                 y.yield_(async { let (x,) = b.into_inner(); elem }).await;
//             } }
//         }));
//         let mut buffered = Buffered::new(producer, n, ordered);
//         let mut out = Vec::new();
//         while let Some(v) = next(Pin::new(&mut buffered)).await { out.push(v); }
//         from_vec(out)
//     }
// With `try`, a first `Err` breaks out of the loop and the block, dropping the
// producer and the futures in flight.
fn eager_buffered(comp: Comprehension, buffering: &Buffering, names: &Locals) -> TokenStream {
    let Locals {
        out,
        bindings,
        buffered,
        item,
        value,
        error,
        label,
        halt,
        ..
    } = names;
    let handle = crate::rewrite::Names::new();
    let yielder = &handle.yielder;
    let bound = clause_bindings(&comp.clauses);
    let Parts {
        elem,
        span,
        clauses,
        options,
    } = parts(comp);
    let names_list = bound.iter().map(|(name, _)| name);
    let pats = bound.iter().map(|(name, is_mut)| {
        let mutability = is_mut.then(|| quote!(mut));
        quote!(#mutability #name)
    });
    let try_ = options.try_.is_some();
    // With `try`, the producer stops when the consumer saw an `Err`: it closes its
    // sources on the way out (`Sources::Closed`), driven to its end by `finish`.
    let halted = try_.then(|| halted(names, halt));
    let each = verbatim(quote! {{
        let #bindings = __yieldkit_private::Bindings((#(#names_list,)*));
        #yielder.yield_(async {
            #[allow(unused_variables, unused_mut)]
            let (#(#pats,)*) = #bindings.into_inner();
            #elem
        }).await;
        #halted
    }});
    let loops = nest(
        clauses,
        None,
        ForAwaitClauses::Lowered,
        Sources::with_try(try_),
        names,
        vec![Stmt::Expr(each, None)],
    );
    let new_halt = try_.then(
        || quote!(let #halt = __yieldkit_private::core::sync::atomic::AtomicBool::new(false);),
    );
    let new = buffered_new(buffering, &quote!(#item));
    // `into_checked` wraps it for `next`; `Buffered` is `Unpin`, so no pinning needed.
    let drive = quote! {
        #new_halt
        let #item = __yieldkit_private::core::pin::pin!(__yieldkit_private::generator_body!(
            AsyncGen<_> borrowing, #yielder, { #(#loops)* }
        ));
        let mut #buffered = __yieldkit_private::ForAwait::into_checked(#new);
        let mut #out = __yieldkit_private::Vec::new();
    };
    let next = quote! {
        __yieldkit_private::next(__yieldkit_private::core::pin::Pin::new(&mut #buffered)).await
    };
    let collect = from_vec(span, names);
    if options.try_.is_none() {
        return quote! {{
            #drive
            while let __yieldkit_private::core::option::Option::Some(#value) = #next {
                #out.push(#value);
            }
            #collect
        }};
    }
    let each = try_match(
        span,
        verbatim(item),
        names,
        vec![semi(verbatim(quote!(#out.push(#value))), Span::call_site())],
        vec![semi(
            verbatim(quote!({
                #halt.store(true, __yieldkit_private::core::sync::atomic::Ordering::Relaxed);
                #buffered.stream_mut().finish().await;
                break #label __yieldkit_private::core::result::Result::Err(#error)
            })),
            Span::call_site(),
        )],
    );
    quote! {{
        #drive
        #label: {
            while let __yieldkit_private::core::option::Option::Some(#item) = #next {
                #each
            }
            __yieldkit_private::core::result::Result::Ok(#collect)
        }
    }}
}

// Input:  collect![elem for x in xs if c(x); stream, buffered(n)]
// Output:
//     {
//         let first = xs;   // evaluated at once
//         Buffered::new(Box::pin(<generator: for x in first { if c(x) {
//             yield async move { elem };
//         } }>), n, ordered)
//     }
// Like every lazy form it owns what it uses. With `try` it is wrapped in `UntilErr`,
// which at the first `Err` sets a flag the producer shares (`Arc<AtomicBool>`: the
// producer and the wrapper are two parts of the one stream) and runs the producer to
// its end: the producer checks the flag after each yield and stops, closing its
// sources (`Sources::Closed`), as the eager form's does.
fn lazy_buffered(comp: Comprehension, buffering: &Buffering, names: &Locals) -> TokenStream {
    let Parts {
        elem,
        span: elem_span,
        clauses,
        options,
    } = parts(comp);
    let span = Span::call_site();
    let future = Expr::Async(syn::ExprAsync {
        attrs: Vec::new(),
        async_token: syn::Token![async](span),
        capture: Some(syn::Token![move](span)),
        block: super::build::block(vec![Stmt::Expr(elem, None)], span),
    });
    let Locals {
        halt,
        producer_halt,
        ..
    } = names;
    let each = semi(yield_(future, span), span);
    let each = match options.try_ {
        Some(_) => {
            let halted = Stmt::Expr(verbatim(halted(names, producer_halt)), None);
            Stmt::Expr(block_expr(vec![each, halted], span), None)
        }
        None => each,
    };
    let sources = Sources::with_try(options.try_.is_some());
    let (first_let, generator) =
        lazy_generator(clauses, elem_span, names, Form::AsyncGen, sources, each);
    let laziness = options.laziness_span;
    let producer = quote_spanned!(laziness=> __yieldkit_private::Box::pin(#generator));
    let new = buffered_new(buffering, &producer);
    match options.try_ {
        Some(try_span) => {
            let stream = quote_spanned!(try_span=> __yieldkit_private::UntilErr::new(#new, #halt));
            quote! {{
                #first_let
                let #halt = __yieldkit_private::Arc::new(
                    __yieldkit_private::core::sync::atomic::AtomicBool::new(false),
                );
                let #producer_halt = __yieldkit_private::Arc::clone(&#halt);
                #stream
            }}
        }
        None => quote! {{
            #first_let
            #new
        }},
    }
}

fn buffered_new(buffering: &Buffering, producer: &TokenStream) -> TokenStream {
    let limit = &buffering.limit;
    let ordered = buffering.ordered;
    let limit = quote_spanned!(limit.span()=> #limit);
    quote_spanned! {buffering.span=>
        __yieldkit_private::Buffered::new(#producer, #limit, #ordered)
    }
}
