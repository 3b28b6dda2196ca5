//! `collect!` expansions: eager loops, lazy generators, and the buffered driver.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, Lifetime, Pat};

use super::bindings::clause_bindings;
use super::{Buffering, Clause, Comprehension, Laziness};

// Input:  collect![ELEM CLAUSES ; OPTIONS]
// Output: see `eager`, `eager_buffered`, `lazy` and `lazy_buffered`.
pub(crate) fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let comp = Comprehension::parse(input)?;
    validate(&comp)?;
    let names = Names::new();
    Ok(match (comp.options.laziness, &comp.options.buffering) {
        (Laziness::Eager, None) => eager(&comp, &names),
        (Laziness::Eager, Some(buffering)) => eager_buffered(&comp, buffering, &names),
        (_, None) => lazy(&comp, &names),
        (_, Some(buffering)) => lazy_buffered(&comp, buffering, &names),
    })
}

/// Option combinations that cannot work, reported at the option or clause.
fn validate(comp: &Comprehension) -> syn::Result<()> {
    if comp.options.laziness != Laziness::Iter {
        return Ok(());
    }
    let lazy = comp.options.laziness_span;
    if let Some(buffering) = &comp.options.buffering {
        let mut err = syn::Error::new(
            buffering.span,
            "`buffered(n)` / `buffer_unordered(n)` run futures concurrently, so they need an \
             async form: drop `iter` (eager) or use `stream`",
        );
        err.combine(syn::Error::new(lazy, "`iter` chosen here"));
        return Err(err);
    }
    for clause in &comp.clauses {
        if let Clause::For {
            await_span: Some(span),
            ..
        } = clause
        {
            return Err(syn::Error::new(
                *span,
                "`for await` needs an async form, and `iter` makes a plain `Iterator`: \
                 use `stream` for a lazy `Stream`, or drop the option to collect eagerly",
            ));
        }
    }
    Ok(())
}

/// Hygienic names of the expansion's locals: user code cannot name them.
struct Names {
    out: Ident,
    stream: Ident,
    item: Ident,
    first: Ident,
    bindings: Ident,
    buffered: Ident,
    value: Ident,
    error: Ident,
    label: Lifetime,
}

impl Names {
    fn new() -> Self {
        let ident = |name: &str| Ident::new(name, Span::mixed_site());
        Self {
            out: ident("__agen_out"),
            stream: ident("__agen_stream"),
            item: ident("__agen_item"),
            first: ident("__agen_first"),
            bindings: ident("__agen_bindings"),
            buffered: ident("__agen_buffered"),
            value: ident("__agen_value"),
            error: ident("__agen_error"),
            label: Lifetime {
                apostrophe: Span::mixed_site(),
                ident: ident("__agen_comprehension"),
            },
        }
    }
}

/// How the loops are written: as plain Rust (the eager forms run them in place) or as
/// the body of a `stream!` / `iter!` block (which understands `for await`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    InPlace,
    GeneratorBody,
}

/// The element: `elem`, or `(key, value)` for `key => value`.
fn element(comp: &Comprehension) -> TokenStream {
    let elem = &comp.elem;
    match &comp.value {
        Some(value) => quote_spanned!(elem.span()=> (#elem, #value)),
        None => elem.to_token_stream(),
    }
}

fn elem_span(comp: &Comprehension) -> Span {
    comp.elem.span()
}

/// Wraps `inner` in the clauses, leftmost outermost. With `first`, the first clause
/// iterates that (already evaluated) local instead of its expression.
fn nest(
    clauses: &[Clause],
    style: Style,
    first: Option<&Ident>,
    names: &Names,
    inner: TokenStream,
) -> TokenStream {
    let mut body = inner;
    for (index, clause) in clauses.iter().enumerate().rev() {
        body = match clause {
            Clause::For {
                for_span,
                await_span,
                pat,
                ty,
                expr,
            } => {
                let expr = match (index, first) {
                    (0, Some(first)) => first.to_token_stream(),
                    _ => expr.to_token_stream(),
                };
                let ty = ty.as_ref().map(|ty| quote!(: #ty));
                // A lazy form's first stream is checked where it is evaluated, so its
                // loop is written out here rather than left to the generator macro,
                // which would check (and report) it a second time.
                let in_place = style == Style::InPlace || (index == 0 && first.is_some());
                match (await_span, in_place) {
                    (Some(await_span), true) => {
                        let checked = match (index, first) {
                            (0, Some(_)) => expr,
                            _ => {
                                quote_spanned!(expr.span()=> ::agen::__private::into_stream(#expr))
                            }
                        };
                        for_await_in_place(
                            *for_span,
                            *await_span,
                            pat,
                            ty.as_ref(),
                            &checked,
                            names,
                            &body,
                        )
                    }
                    (Some(await_span), false) => {
                        let await_ = Ident::new("await", *await_span);
                        let for_await =
                            typed_for(*for_span, Some(&await_), pat, ty, &expr, names, &body);
                        // The generator macro nests the loop's body block in its own
                        // loop body, where a body of one `if` trips `unused_braces`.
                        quote!(#[allow(unused_braces)] #for_await)
                    }
                    (None, _) => typed_for(*for_span, None, pat, ty, &expr, names, &body),
                }
            }
            Clause::If { if_span, cond } => quote_spanned! {*if_span=>
                if #cond { #body }
            },
            Clause::Let {
                let_span,
                pat,
                ty,
                expr,
            } => {
                let ty = ty.as_ref().map(|ty| quote!(: #ty));
                quote_spanned! {*let_span=>
                    let #pat #ty = #expr;
                    #body
                }
            }
        };
    }
    body
}

/// Input:  `for pat: T in expr` (`await_` makes it a generator body's `for await`)
/// Output: `for pat in expr { body }`, or with a type,
///         `for item in expr { let pat: T = item; body }`
fn typed_for(
    for_span: Span,
    await_: Option<&Ident>,
    pat: &Pat,
    ty: Option<TokenStream>,
    expr: &TokenStream,
    names: &Names,
    body: &TokenStream,
) -> TokenStream {
    match ty {
        None => quote_spanned! {for_span=>
            for #await_ #pat in #expr { #body }
        },
        Some(ty) => {
            let item = &names.item;
            quote_spanned! {for_span=>
                for #await_ #item in #expr {
                    let #pat #ty = #item;
                    #body
                }
            }
        }
    }
}

/// Input:  `for await pat: T in expr`, with `checked` = `into_stream(expr)`
/// Output:
/// ```text
/// {
///     let mut s = pin!(into_stream(expr));
///     while let Some(item) = next(s.as_mut()).await {
///         let pat: T = item;   // irrefutable, as in a `for` loop
///         body
///     }
/// }
/// ```
fn for_await_in_place(
    for_span: Span,
    await_span: Span,
    pat: &Pat,
    ty: Option<&TokenStream>,
    checked: &TokenStream,
    names: &Names,
    body: &TokenStream,
) -> TokenStream {
    let Names { stream, item, .. } = names;
    let next = quote_spanned!(await_span=> ::agen::__private::next(#stream.as_mut()).await);
    quote_spanned! {for_span=>
        {
            let mut #stream = ::core::pin::pin!(#checked);
            while let ::core::option::Option::Some(#item) = #next {
                let #pat #ty = #item;
                #body
            }
        }
    }
}

/// With `try`: `match into_result(elem) { Ok(v) => on_ok(v), Err(e) => on_err(e) }`.
fn try_match(
    comp: &Comprehension,
    elem: &TokenStream,
    names: &Names,
    on_ok: &TokenStream,
    on_err: &TokenStream,
) -> TokenStream {
    let Names { value, error, .. } = names;
    let into_result = quote_spanned!(elem_span(comp)=> ::agen::__private::into_result(#elem));
    quote! {
        match #into_result {
            ::core::result::Result::Ok(#value) => { #on_ok }
            ::core::result::Result::Err(#error) => { #on_err }
        }
    }
}

/// The collecting tail shared by the eager forms.
fn from_vec(comp: &Comprehension, names: &Names) -> TokenStream {
    let out = &names.out;
    quote_spanned!(elem_span(comp)=> ::agen::__private::from_vec(#out))
}

// Input:  collect![elem for x in xs if c(x)]
// Output:
//     {
//         let mut out = Vec::new();
//         for x in xs { if c(x) { out.push(elem); } }
//         from_vec(out)        // FromIterator: the target type comes from the context
//     }
// With `try`, the loops sit in a labeled block that a first `Err` breaks out of with
// that error, ending every loop (and dropping every stream) at once.
fn eager(comp: &Comprehension, names: &Names) -> TokenStream {
    let Names {
        out,
        value,
        error,
        label,
        ..
    } = names;
    let elem = element(comp);
    let collect = from_vec(comp, names);
    if comp.options.try_.is_none() {
        let loops = nest(
            &comp.clauses,
            Style::InPlace,
            None,
            names,
            quote!(#out.push(#elem);),
        );
        return quote! {{
            let mut #out = ::agen::__private::Vec::new();
            #loops
            #collect
        }};
    }
    let each = try_match(
        comp,
        &elem,
        names,
        &quote!(#out.push(#value);),
        &quote!(break #label ::core::result::Result::Err(#error);),
    );
    let loops = nest(&comp.clauses, Style::InPlace, None, names, each);
    quote! {{
        let mut #out = ::agen::__private::Vec::new();
        #label: {
            #loops
            ::core::result::Result::Ok(#collect)
        }
    }}
}

// Input:  collect![elem for x in xs if c(x); iter]   (or `stream`)
// Output:
//     {
//         let first = IntoIterator::into_iter(xs);   // `into_stream` for `for await`
//         ::agen::iter! { for x in first { if c(x) { yield elem; } } }
//     }
fn lazy(comp: &Comprehension, names: &Names) -> TokenStream {
    let elem = element(comp);
    let Names { value, error, .. } = names;
    let each = if comp.options.try_.is_some() {
        try_match(
            comp,
            &elem,
            names,
            &quote!(yield ::core::result::Result::Ok(#value);),
            &quote!(yield ::core::result::Result::Err(#error); return;),
        )
    } else {
        quote!(yield #elem;)
    };
    let (first, first_let) = first_iterable(comp, names);
    let loops = nest(
        &comp.clauses,
        Style::GeneratorBody,
        Some(first),
        names,
        each,
    );
    let generator = if comp.options.laziness == Laziness::Iter {
        quote_spanned!(comp.options.laziness_span=> ::agen::iter!)
    } else {
        quote_spanned!(comp.options.laziness_span=> ::agen::stream!)
    };
    quote! {{
        #first_let
        #generator { #loops }
    }}
}

/// The lazy forms evaluate their first iterable at once, as Python does.
fn first_iterable<'n>(comp: &Comprehension, names: &'n Names) -> (&'n Ident, TokenStream) {
    let first = &names.first;
    let Some(Clause::For {
        await_span, expr, ..
    }) = comp.clauses.first()
    else {
        unreachable!("the parser makes the first clause a `for`")
    };
    let value = if await_span.is_some() {
        quote_spanned!(expr.span()=> ::agen::__private::into_stream(#expr))
    } else {
        quote_spanned!(expr.span()=> ::core::iter::IntoIterator::into_iter(#expr))
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
fn eager_buffered(comp: &Comprehension, buffering: &Buffering, names: &Names) -> TokenStream {
    let handle = crate::visit::Names::new();
    let yielder = &handle.yielder;
    let Names {
        out,
        bindings,
        buffered,
        item,
        value,
        error,
        label,
        ..
    } = names;
    let elem = element(comp);
    let bound = clause_bindings(comp);
    let names_list = bound.iter().map(|(name, _)| name);
    let pats = bound.iter().map(|(name, is_mut)| {
        let mutability = is_mut.then(|| quote!(mut));
        quote!(#mutability #name)
    });
    let each = quote! {
        let #bindings = ::agen::__private::Bindings((#(#names_list,)*));
        #yielder.yield_(async {
            #[allow(unused_variables, unused_mut)]
            let (#(#pats,)*) = #bindings.into_inner();
            #elem
        }).await;
    };
    let loops = nest(&comp.clauses, Style::InPlace, None, names, each);
    let new = buffered_new(buffering, &quote!(#item));
    // `into_stream` wraps it for `next`; `Buffered` is `Unpin`, so no pinning needed.
    let drive = quote! {
        let #item = ::core::pin::pin!(::agen::__private::generator_body!(
            AsyncGen<_> borrowing, #yielder, { #loops }
        ));
        let mut #buffered = ::agen::__private::into_stream(#new);
        let mut #out = ::agen::__private::Vec::new();
    };
    let next = quote! {
        ::agen::__private::next(::core::pin::Pin::new(&mut #buffered)).await
    };
    let collect = from_vec(comp, names);
    if comp.options.try_.is_none() {
        return quote! {{
            #drive
            while let ::core::option::Option::Some(#value) = #next {
                #out.push(#value);
            }
            #collect
        }};
    }
    let each = try_match(
        comp,
        &quote!(#item),
        names,
        &quote!(#out.push(#value);),
        &quote!(break #label ::core::result::Result::Err(#error);),
    );
    quote! {{
        #drive
        #label: {
            while let ::core::option::Option::Some(#item) = #next {
                #each
            }
            ::core::result::Result::Ok(#collect)
        }
    }}
}

// Input:  collect![elem for x in xs if c(x); stream, buffered(n)]
// Output:
//     {
//         let first = xs;   // evaluated at once
//         Buffered::new(Box::pin(stream! { for x in first { if c(x) {
//             yield async move { elem };
//         } } }), n, ordered)
//     }
// Like every lazy form it owns what it uses; with `try` it is wrapped in `UntilErr`.
fn lazy_buffered(comp: &Comprehension, buffering: &Buffering, names: &Names) -> TokenStream {
    let elem = element(comp);
    let each = quote!(yield async move { #elem };);
    let (first, first_let) = first_iterable(comp, names);
    let loops = nest(
        &comp.clauses,
        Style::GeneratorBody,
        Some(first),
        names,
        each,
    );
    let span = comp.options.laziness_span;
    let producer = quote_spanned! {span=>
        ::agen::__private::Box::pin(::agen::stream! { #loops })
    };
    let new = buffered_new(buffering, &producer);
    let stream = match comp.options.try_ {
        Some(span) => quote_spanned!(span=> ::agen::__private::UntilErr::new(#new)),
        None => new,
    };
    quote! {{
        #first_let
        #stream
    }}
}

fn buffered_new(buffering: &Buffering, producer: &TokenStream) -> TokenStream {
    let limit = &buffering.limit;
    let ordered = buffering.ordered;
    let limit = quote_spanned!(limit.span()=> #limit);
    quote_spanned! {buffering.span=>
        ::agen::__private::Buffered::new(#producer, #limit, #ordered)
    }
}
