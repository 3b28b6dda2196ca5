//! The grammar of `collect!` (see `mod.rs`), parsed into the model there. Every
//! independent mistake is reported, each at its token, with hints for Python's
//! spellings.
//!
//! `for await` is not Rust syntax, and syn's expression parser would read `0.. if c`
//! as a range ending in an `if` expression, so expressions are cut out of the token
//! stream first (at the next top-level clause keyword) and parsed on their own.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Pat, Token, Type};

use super::{Buffering, Clause, Comprehension, Laziness, Modes};
use crate::errors::Errors;
use crate::rewrite::is_yield_call;

const OPTIONS_HELP: &str =
    "expected one of `iter`, `stream`, `try`, `buffered(n)`, `buffer_unordered(n)`";

impl Comprehension {
    /// The model, or `None` when there is none to build (no element, or no clause);
    /// every problem found is in `errors`.
    pub(crate) fn parse(input: TokenStream, errors: &mut Errors) -> Option<Self> {
        let before = errors.len();
        check_prefix_await(input.clone(), errors);
        if errors.len() > before {
            // The rest would not parse either: this is the mistake to report.
            return None;
        }
        let parser = |stream: ParseStream<'_>| Ok(parse_comprehension(stream, errors));
        match Parser::parse2(parser, input) {
            Ok(comprehension) => comprehension,
            Err(err) => {
                errors.add(err);
                None
            }
        }
    }

    /// Option combinations that cannot work, reported at the option or clause.
    pub(crate) fn validate(&self, errors: &mut Errors) {
        if !self.runs_in_place() {
            self.yields_in_a_lazy_form(errors);
        }
        if self.options.laziness != Laziness::Iter {
            return;
        }
        if let Some(buffering) = &self.options.buffering {
            errors.at(
                buffering.span,
                "`buffered(n)` / `buffer_unordered(n)` run futures concurrently, so they need \
                 an async form: drop `iter` (eager) or use `stream`",
            );
            errors.at(self.options.laziness_span, "`iter` chosen here");
        }
        for clause in &self.clauses {
            if let Clause::For {
                await_span: Some(span),
                ..
            } = clause
            {
                errors.at(
                    *span,
                    "`for await` needs an async form, and `iter` makes a plain `Iterator`: use \
                     `stream` for a lazy `Stream`, or drop the option to collect eagerly",
                );
            }
        }
    }
}

impl Comprehension {
    /// A `yield_!` in what a lazy (or buffered) form runs later, when its collection
    /// is consumed: not a yield of the generator whose body holds the `collect!`.
    fn yields_in_a_lazy_form(&self, errors: &mut Errors) {
        let mut later = vec![self.elem.to_token_stream()];
        later.extend(self.value.as_ref().map(ToTokens::to_token_stream));
        for clause in self.clauses.iter().skip(1) {
            later.push(match clause {
                Clause::For { expr, .. } | Clause::Let { expr, .. } => expr.to_token_stream(),
                Clause::If { cond, .. } => cond.to_token_stream(),
            });
        }
        for tokens in later {
            report_yields(tokens, errors);
        }
    }
}

/// Reports each `yield_!` / `yield_from!` call in `tokens`.
fn report_yields(tokens: TokenStream, errors: &mut Errors) {
    let mut iter = tokens.into_iter().peekable();
    while let Some(tt) = iter.next() {
        match tt {
            TokenTree::Ident(ident) if is_yield_call(&ident, iter.peek()) => {
                errors.at(
                    ident.span(),
                    format!(
                        "this `{ident}!` is in a lazy `collect!`, whose elements are made when \
                         its collection is consumed, not where it is written: yield in the \
                         generator's body, or collect eagerly (drop `iter` / `stream`)"
                    ),
                );
            }
            TokenTree::Group(group) => report_yields(group.stream(), errors),
            _ => {}
        }
    }
}

fn parse_comprehension(input: ParseStream<'_>, errors: &mut Errors) -> Option<Comprehension> {
    let Ok(elem_tokens) = take_until(input, |tt, _| is_keyword(tt, "for")) else {
        return None;
    };
    if elem_tokens.is_empty() {
        errors
            .add(input.error("expected the comprehension's element: `collect![f(x) for x in xs]`"));
        return None;
    }
    let elem = parse_elem(elem_tokens.clone())
        .map_err(|err| errors.add(err))
        .ok();
    if !input.peek(Token![for]) {
        if elem.is_some() {
            errors.add(syn::Error::new_spanned(
                elem_tokens,
                "`collect!` needs at least one `for` clause after the element: \
                 `collect![f(x) for x in xs]`",
            ));
        }
        return None;
    }
    let mut clauses = Vec::new();
    while !input.is_empty() && !input.peek(Token![;]) {
        match parse_clause(input) {
            Ok(clause) => clauses.push(clause),
            Err(err) => {
                errors.add(err);
                skip_to_next_clause(input);
            }
        }
    }
    let options = if input.peek(Token![;]) {
        match input.parse::<Token![;]>() {
            Ok(semi) => parse_options(input, semi.span, errors),
            Err(err) => {
                errors.add(err);
                return None;
            }
        }
    } else {
        Modes {
            laziness: Laziness::Eager,
            laziness_span: Span::call_site(),
            try_: None,
            buffering: None,
        }
    };
    let (elem, value) = elem?;
    Some(Comprehension {
        elem,
        value,
        clauses,
        options,
    })
}

/// Passes over what is left of a clause that did not parse, up to the next clause.
fn skip_to_next_clause(input: ParseStream<'_>) {
    let stop = |tt: &TokenTree, _: Option<&TokenTree>| {
        is_keyword(tt, "for") || is_keyword(tt, "if") || is_keyword(tt, "let")
    };
    let skipped = take_until(input, stop).unwrap_or_default();
    if skipped.is_empty() && !input.is_empty() && !input.peek(Token![;]) {
        // Always make progress.
        let _ = input.parse::<TokenTree>();
    }
}

/// `ELEM` or `KEY => VALUE`, with hints for the Python spellings that are not Rust.
fn parse_elem(tokens: TokenStream) -> syn::Result<(Expr, Option<Expr>)> {
    let parser = |input: ParseStream<'_>| {
        let elem: Expr = input.parse()?;
        let value = if input.peek(Token![=>]) {
            input.parse::<Token![=>]>()?;
            Some(input.parse::<Expr>()?)
        } else {
            None
        };
        if !input.is_empty() {
            return Err(leftover_after_elem(&elem, input));
        }
        Ok((elem, value))
    };
    parser.parse2(tokens)
}

/// The error for tokens after the element that start no clause.
fn leftover_after_elem(elem: &Expr, input: ParseStream<'_>) -> syn::Error {
    let rest: TokenStream = input.fork().parse().unwrap_or_default();
    let mut iter = rest.clone().into_iter();
    match iter.next() {
        Some(TokenTree::Ident(kw)) if kw == "if" => {
            let cond: Vec<TokenTree> = iter
                .by_ref()
                .take_while(|tt| !is_keyword(tt, "else"))
                .collect();
            let other: TokenStream = iter.collect();
            if other.is_empty() {
                syn::Error::new(
                    kw.span(),
                    "a comprehension starts with its `for` clause; an `if` filter goes after it: \
                     `collect![x for x in xs if cond]`",
                )
            } else {
                let cond: TokenStream = cond.into_iter().collect();
                syn::Error::new(
                    kw.span(),
                    format!(
                        "Python's conditional expression `a if c else b` is written \
                         `if c {{ a }} else {{ b }}` in Rust: \
                         `if {cond} {{ {elem} }} else {{ {other} }}`",
                        elem = elem.to_token_stream(),
                    ),
                )
            }
        }
        Some(TokenTree::Punct(p)) if p.as_char() == ':' => syn::Error::new(
            p.span(),
            format!(
                "a map entry is written `key => value` in `collect!`, not Python's `key: value`: \
                 `{} => {}`",
                elem.to_token_stream(),
                iter.collect::<TokenStream>(),
            ),
        ),
        Some(TokenTree::Ident(kw)) if kw == "let" => syn::Error::new(
            kw.span(),
            "a comprehension starts with its `for` clause; a `let` binding goes after it: \
             `collect![y for x in xs let y = f(x)]`",
        ),
        _ => syn::Error::new_spanned(
            rest,
            "expected `for` (the comprehension's first clause) or `=>` after the element",
        ),
    }
}

fn parse_clause(input: ParseStream<'_>) -> syn::Result<Clause> {
    if input.peek(Token![for]) {
        let for_token: Token![for] = input.parse()?;
        let await_span = if input.peek(Token![await]) {
            Some(input.parse::<Token![await]>()?.span)
        } else {
            None
        };
        let pat = Pat::parse_multi_with_leading_vert(input)?;
        let ty = parse_ascription(input)?;
        let in_token: Token![in] = input.parse()?;
        let expr = parse_expr_until_clause(input, in_token.span, "after `in`", false)?;
        Ok(Clause::For {
            for_span: for_token.span,
            await_span,
            pat,
            ty,
            expr,
        })
    } else if input.peek(Token![if]) {
        let if_token: Token![if] = input.parse()?;
        let cond = parse_expr_until_clause(input, if_token.span, "after `if`", true)?;
        Ok(Clause::If {
            if_span: if_token.span,
            cond,
        })
    } else if input.peek(Token![let]) {
        let let_token: Token![let] = input.parse()?;
        let pat = Pat::parse_single(input)?;
        let ty = parse_ascription(input)?;
        let eq: Token![=] = input.parse()?;
        let expr = parse_expr_until_clause(input, eq.span, "after `=`", false)?;
        Ok(Clause::Let {
            let_span: let_token.span,
            pat,
            ty,
            expr,
        })
    } else {
        Err(input.error("expected a clause: `for x in xs`, `for await x in s`, `if cond` or `let y = e`; options go after a `;`"))
    }
}

/// An optional `: Type` after a pattern.
fn parse_ascription(input: ParseStream<'_>) -> syn::Result<Option<Type>> {
    if input.peek(Token![:]) && !input.peek(Token![::]) {
        input.parse::<Token![:]>()?;
        Ok(Some(input.parse()?))
    } else {
        Ok(None)
    }
}

/// Parses the expression that runs up to the next clause keyword (`for`, `if`, `let`)
/// or `;`. In a condition (`is_cond`) a `let` right after `if` or after `&&` belongs
/// to the condition (`if let P = e`, let chains).
fn parse_expr_until_clause(
    input: ParseStream<'_>,
    after: Span,
    what: &str,
    is_cond: bool,
) -> syn::Result<Expr> {
    let mut first = true;
    let tokens = take_until(input, |tt, prev| {
        let is_first = core::mem::replace(&mut first, false);
        is_keyword(tt, "for")
            || is_keyword(tt, "if")
            || (is_keyword(tt, "let")
                && !(is_cond && (is_first || prev.is_some_and(|p| is_punct(p, '&')))))
    })?;
    if tokens.is_empty() {
        return Err(syn::Error::new(
            after,
            format!("expected an expression {what}"),
        ));
    }
    syn::parse2(tokens)
}

/// Takes top-level token trees until `stop` says so or a `;` is reached.
fn take_until(
    input: ParseStream<'_>,
    mut stop: impl FnMut(&TokenTree, Option<&TokenTree>) -> bool,
) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut taken: Vec<TokenTree> = Vec::new();
        while let Some((tt, next)) = rest.token_tree() {
            if is_punct(&tt, ';') || stop(&tt, taken.last()) {
                break;
            }
            taken.push(tt);
            rest = next;
        }
        Ok((taken.into_iter().collect(), rest))
    })
}

fn parse_options(input: ParseStream<'_>, semi: Span, errors: &mut Errors) -> Modes {
    let mut options = Modes {
        laziness: Laziness::Eager,
        laziness_span: Span::call_site(),
        try_: None,
        buffering: None,
    };
    if input.is_empty() {
        errors.at(
            semi,
            format!("expected an option after `;`: {OPTIONS_HELP}"),
        );
        return options;
    }
    let list = Punctuated::<TokenStream, Token![,]>::parse_terminated_with(input, |input| {
        take_until(input, |tt, _| is_punct(tt, ','))
    });
    let list = match list {
        Ok(list) => list,
        Err(err) => {
            errors.add(err);
            return options;
        }
    };
    for option in list {
        match parse_option.parse2(option) {
            Ok(option) => apply_option(&mut options, option, errors),
            Err(err) => errors.add(err),
        }
    }
    options
}

enum Opt {
    Lazy(Laziness, Span),
    Try(Span),
    Buffered(Buffering),
}

fn parse_option(input: ParseStream<'_>) -> syn::Result<Opt> {
    if input.peek(Token![try]) {
        let token: Token![try] = input.parse()?;
        return Ok(Opt::Try(token.span));
    }
    let name = input
        .call(Ident::parse_any)
        .map_err(|e| syn::Error::new(e.span(), OPTIONS_HELP))?;
    let opt = match name.to_string().as_str() {
        "iter" => Opt::Lazy(Laziness::Iter, name.span()),
        "stream" => Opt::Lazy(Laziness::Stream, name.span()),
        "buffered" | "buffer_unordered" => {
            let ordered = name == "buffered";
            let group = match input.parse::<TokenTree>() {
                Ok(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => g,
                _ => {
                    return Err(syn::Error::new(
                        name.span(),
                        format!("`{name}` takes the concurrency limit in parentheses: `{name}(n)`"),
                    ));
                }
            };
            let limit: Expr = syn::parse2(group.stream()).map_err(|e| {
                // An empty `()` has no token of its own to point at but itself (the end of
                // its input would be the whole macro).
                let span = if group.stream().is_empty() {
                    group.span()
                } else {
                    e.span()
                };
                syn::Error::new(span, format!("expected the concurrency limit: `{name}(n)`"))
            })?;
            Opt::Buffered(Buffering {
                limit,
                ordered,
                span: name.span(),
            })
        }
        other => {
            return Err(syn::Error::new(
                name.span(),
                format!("unknown `collect!` option `{other}`; {OPTIONS_HELP}"),
            ));
        }
    };
    if !input.is_empty() {
        return Err(input.error("expected `,` between options"));
    }
    Ok(opt)
}

fn apply_option(options: &mut Modes, option: Opt, errors: &mut Errors) {
    match option {
        Opt::Lazy(laziness, span) => {
            if options.laziness == Laziness::Eager {
                options.laziness = laziness;
                options.laziness_span = span;
            } else {
                errors.at(span, "choose one of `iter` and `stream`");
            }
        }
        Opt::Try(span) => {
            if options.try_.is_some() {
                errors.at(span, "`try` is given twice");
            } else {
                options.try_ = Some(span);
            }
        }
        Opt::Buffered(buffering) => {
            if options.buffering.is_some() {
                errors.at(
                    buffering.span,
                    "choose one of `buffered(n)` and `buffer_unordered(n)`",
                );
            } else {
                options.buffering = Some(buffering);
            }
        }
    }
}

/// Rejects Python's prefix `await f(x)` anywhere in the input, with the Rust spelling.
fn check_prefix_await(tokens: TokenStream, errors: &mut Errors) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tt) in trees.iter().enumerate() {
        match tt {
            TokenTree::Ident(ident) if ident == "await" => {
                let prev = i.checked_sub(1).map(|p| &trees[p]);
                let postfix = prev.is_some_and(|p| is_punct(p, '.') || is_keyword(p, "for"));
                if !postfix {
                    errors.add(prefix_await_error(ident.span(), &trees[i + 1..]));
                }
            }
            TokenTree::Group(group) => check_prefix_await(group.stream(), errors),
            _ => {}
        }
    }
}

fn prefix_await_error(span: Span, rest: &[TokenTree]) -> syn::Error {
    let operand: TokenStream = rest
        .iter()
        .take_while(|tt| {
            !(is_keyword(tt, "for")
                || is_keyword(tt, "if")
                || is_keyword(tt, "let")
                || is_punct(tt, ';')
                || is_punct(tt, ','))
        })
        .cloned()
        .collect();
    let suggestion = match syn::parse2::<Expr>(operand) {
        Ok(
            expr @ (Expr::Call(_)
            | Expr::MethodCall(_)
            | Expr::Path(_)
            | Expr::Field(_)
            | Expr::Paren(_)),
        ) => {
            format!(": `{}.await`", expr.to_token_stream())
        }
        Ok(expr) => format!(": `({}).await`", expr.to_token_stream()),
        Err(_) => String::new(),
    };
    syn::Error::new(
        span,
        format!("Rust writes `.await` after the future, not Python's prefix `await`{suggestion}"),
    )
}

fn is_keyword(tt: &TokenTree, keyword: &str) -> bool {
    matches!(tt, TokenTree::Ident(ident) if ident == keyword)
}

fn is_punct(tt: &TokenTree, ch: char) -> bool {
    matches!(tt, TokenTree::Punct(p) if p.as_char() == ch)
}
