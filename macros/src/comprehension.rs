//! `collect!`: the comprehension grammar. The expansion is in `comprehension/expand.rs`.
//!
//! ```text
//! collect![ ELEM CLAUSE+ ( ; OPTION (, OPTION)* )? ]
//! ELEM   := Expr | Expr => Expr
//! CLAUSE := for Pat (: Type)? in Expr | for await Pat (: Type)? in Expr
//!         | if Expr | let Pat (: Type)? = Expr
//! OPTION := iter | stream | try | buffered(Expr) | buffer_unordered(Expr)
//! ```
//!
//! `for await` is not Rust syntax, and syn's expression parser would read `0.. if c`
//! as a range ending in an `if` expression, so expressions are cut out of the token
//! stream first (at the next top-level clause keyword) and parsed on their own.

mod bindings;
mod expand;

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Pat, Token, Type};

pub(crate) use expand::expand;

/// A parsed `collect![..]`.
pub(crate) struct Comprehension {
    pub(crate) elem: Expr,
    /// The value of a `key => value` element.
    pub(crate) value: Option<Expr>,
    /// Never empty; the first is a `for` clause.
    pub(crate) clauses: Vec<Clause>,
    pub(crate) options: Options,
}

pub(crate) enum Clause {
    For {
        for_span: Span,
        /// The span of `await` in `for await`.
        await_span: Option<Span>,
        pat: Pat,
        ty: Option<Type>,
        expr: Expr,
    },
    If {
        if_span: Span,
        cond: Expr,
    },
    Let {
        let_span: Span,
        pat: Pat,
        ty: Option<Type>,
        expr: Expr,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Laziness {
    Eager,
    Iter,
    Stream,
}

pub(crate) struct Buffering {
    pub(crate) limit: Expr,
    pub(crate) ordered: bool,
    pub(crate) span: Span,
}

pub(crate) struct Options {
    pub(crate) laziness: Laziness,
    pub(crate) laziness_span: Span,
    pub(crate) try_: Option<Span>,
    pub(crate) buffering: Option<Buffering>,
}

const OPTIONS_HELP: &str =
    "expected one of `iter`, `stream`, `try`, `buffered(n)`, `buffer_unordered(n)`";

impl Comprehension {
    pub(crate) fn parse(input: TokenStream) -> syn::Result<Self> {
        check_prefix_await(input.clone())?;
        Parser::parse2(parse_comprehension, input)
    }
}

fn parse_comprehension(input: ParseStream<'_>) -> syn::Result<Comprehension> {
    let elem_tokens = take_until(input, |tt, _| is_keyword(tt, "for"))?;
    if elem_tokens.is_empty() {
        return Err(
            input.error("expected the comprehension's element: `collect![f(x) for x in xs]`")
        );
    }
    let (elem, value) = parse_elem(elem_tokens.clone())?;
    if !input.peek(Token![for]) {
        return Err(syn::Error::new_spanned(
            elem_tokens,
            "`collect!` needs at least one `for` clause after the element: `collect![f(x) for x in xs]`",
        ));
    }
    let mut clauses = Vec::new();
    while !input.is_empty() && !input.peek(Token![;]) {
        clauses.push(parse_clause(input)?);
    }
    let options = if input.peek(Token![;]) {
        let semi: Token![;] = input.parse()?;
        parse_options(input, semi.span)?
    } else {
        Options {
            laziness: Laziness::Eager,
            laziness_span: Span::call_site(),
            try_: None,
            buffering: None,
        }
    };
    Ok(Comprehension {
        elem,
        value,
        clauses,
        options,
    })
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

fn parse_options(input: ParseStream<'_>, semi: Span) -> syn::Result<Options> {
    let mut options = Options {
        laziness: Laziness::Eager,
        laziness_span: Span::call_site(),
        try_: None,
        buffering: None,
    };
    if input.is_empty() {
        return Err(syn::Error::new(
            semi,
            format!("expected an option after `;`: {OPTIONS_HELP}"),
        ));
    }
    let list = Punctuated::<TokenStream, Token![,]>::parse_terminated_with(input, |input| {
        take_until(input, |tt, _| is_punct(tt, ','))
    })?;
    for option in list {
        parse_option
            .parse2(option)
            .and_then(|option| apply_option(&mut options, option))?;
    }
    Ok(options)
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
                syn::Error::new(
                    e.span(),
                    format!("expected the concurrency limit: `{name}(n)`"),
                )
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

fn apply_option(options: &mut Options, option: Opt) -> syn::Result<()> {
    match option {
        Opt::Lazy(laziness, span) => {
            if options.laziness != Laziness::Eager {
                return Err(syn::Error::new(span, "choose one of `iter` and `stream`"));
            }
            options.laziness = laziness;
            options.laziness_span = span;
        }
        Opt::Try(span) => {
            if options.try_.is_some() {
                return Err(syn::Error::new(span, "`try` is given twice"));
            }
            options.try_ = Some(span);
        }
        Opt::Buffered(buffering) => {
            if options.buffering.is_some() {
                return Err(syn::Error::new(
                    buffering.span,
                    "choose one of `buffered(n)` and `buffer_unordered(n)`",
                ));
            }
            options.buffering = Some(buffering);
        }
    }
    Ok(())
}

/// Rejects Python's prefix `await f(x)` anywhere in the input, with the Rust spelling.
fn check_prefix_await(tokens: TokenStream) -> syn::Result<()> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tt) in trees.iter().enumerate() {
        match tt {
            TokenTree::Ident(ident) if ident == "await" => {
                let prev = i.checked_sub(1).map(|p| &trees[p]);
                let postfix = prev.is_some_and(|p| is_punct(p, '.') || is_keyword(p, "for"));
                if !postfix {
                    return Err(prefix_await_error(ident.span(), &trees[i + 1..]));
                }
            }
            TokenTree::Group(group) => check_prefix_await(group.stream())?,
            _ => {}
        }
    }
    Ok(())
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
