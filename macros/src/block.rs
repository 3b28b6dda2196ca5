//! The block forms, `stream! { .. }` and `iter! { .. }`: a generator made from
//! statements, which is also how `collect!`'s lazy forms build theirs.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::parse::{Parse, ParseStream, Parser};
use syn::{Block, Stmt, Token, Type};

use crate::emit::{self, Body, Holder};
use crate::errors::Errors;
use crate::form::Form;
use crate::rewrite::{self, Names};

/// A block form's input: an optional `type Item = T;`, then statements.
struct BlockInput {
    item: Option<Type>,
    stmts: Vec<Stmt>,
}

impl Parse for BlockInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let item = if input.peek(Token![type]) && input.peek2(syn::Ident) {
            let fork = input.fork();
            fork.parse::<Token![type]>()?;
            let name: syn::Ident = fork.parse()?;
            if name == "Item" {
                input.parse::<Token![type]>()?;
                input.parse::<syn::Ident>()?;
                input.parse::<Token![=]>()?;
                let ty = input.parse()?;
                input.parse::<Token![;]>()?;
                Some(ty)
            } else {
                None
            }
        } else {
            None
        };
        let stmts = Block::parse_within(input)?;
        Ok(Self { item, stmts })
    }
}

// Input:
//     stream! { type Item = T; ..statements with `yield v;` and `for await`.. }
// Output:
//     AsyncGen::new(move |token| async move { ..rewritten.. })   // `generator_body!`
// and likewise `iter!`, whose `Generator` is boxed and pinned.
pub(crate) fn expand(form: Form, input: TokenStream) -> TokenStream {
    let mut errors = Errors::new();
    // A user token's span, for the body's block (see `emit::Body::span`).
    let span = input
        .clone()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |tt| tt.span());
    let BlockInput { item, stmts } =
        match BlockInput::parse.parse2(mark_for_await(input, &mut Vec::new())) {
            Ok(input) => input,
            Err(err) => {
                errors.add(err);
                return errors.to_compile_errors();
            }
        };
    let generator = generator(form, item.as_ref(), stmts, span, &mut errors);
    let errors = errors.to_compile_errors();
    quote!({ #errors #generator })
}

/// A generator of `form` (`AsyncGen` or `Generator`) whose body is `stmts`, rewritten;
/// an `iter!`'s generator boxed and pinned.
pub(crate) fn generator(
    form: Form,
    item: Option<&Type>,
    mut stmts: Vec<Stmt>,
    span: Span,
    errors: &mut Errors,
) -> TokenStream {
    let names = Names::new();
    let generator = rewrite::Generator {
        kind: form.kind(form == Form::AsyncGen),
        syntax: rewrite::Syntax::Bare,
        item,
        sent: None,
    };
    let rewritten = rewrite::body(&generator, &names, &mut stmts, errors);
    // A body that never yields yields `()`, rather than leave the type to inference.
    let unit: Type = Type::Tuple(syn::TypeTuple {
        paren_token: syn::token::Paren::default(),
        elems: syn::punctuated::Punctuated::new(),
    });
    let item = item.or((rewritten.yields == 0).then_some(&unit));
    let body = Body {
        prelude: &TokenStream::new(),
        stmts: &stmts,
        span,
    };
    if form == Form::AsyncGen {
        emit::holder(&Holder::AsyncGen(item), &names, &body)
    } else {
        let value = emit::holder(&Holder::Generator(item), &names, &body);
        quote!(__yieldkit_private::Box::pin(#value))
    }
}

/// Rewrites `for await` (which rustc cannot parse) into `#[for_await] for`, at any
/// depth, so the block forms can be parsed as Rust, adding the span of each `await` to
/// `marked`. A label stays on the loop: the marker goes before it. The input of a macro
/// that builds a generator of its own (a `collect!` with a `for await` clause, a nested
/// `stream!`) is left as it is: that macro reads its `for await` itself.
pub(crate) fn mark_for_await(tokens: TokenStream, marked: &mut Vec<Span>) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    while let Some(tt) = iter.next() {
        match tt {
            TokenTree::Ident(ident)
                if ident == "for"
                    && matches!(iter.peek(), Some(TokenTree::Ident(next)) if next == "await") =>
            {
                // The marker carries the span of `await`, where an error about the
                // awaiting is reported.
                let span = iter.next().map_or(ident.span(), |await_| await_.span());
                marked.push(span);
                let marker: Vec<TokenTree> =
                    quote_spanned!(span=> #[for_await]).into_iter().collect();
                let at = label_start(&out).unwrap_or(out.len());
                out.splice(at..at, marker);
                out.push(TokenTree::Ident(ident));
            }
            TokenTree::Group(group) if !builds_a_generator(&out) => {
                let before = marked.len();
                let inner = mark_for_await(group.stream(), marked);
                if marked.len() == before {
                    // Untouched, with its own open and close spans.
                    out.push(TokenTree::Group(group));
                } else {
                    let mut new = proc_macro2::Group::new(group.delimiter(), inner);
                    new.set_span(group.span());
                    out.push(TokenTree::Group(new));
                }
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// Where the label `'name:` that ends `out` starts, if one does.
fn label_start(out: &[TokenTree]) -> Option<usize> {
    match out {
        [
            ..,
            TokenTree::Punct(quote),
            TokenTree::Ident(_),
            TokenTree::Punct(colon),
        ] if quote.as_char() == '\'' && colon.as_char() == ':' => Some(out.len() - 3),
        _ => None,
    }
}

/// Whether `out` ends with `stream!`, `iter!` or `collect!` (any path), so that the
/// group that follows is that macro's input.
fn builds_a_generator(out: &[TokenTree]) -> bool {
    matches!(
        out,
        [.., TokenTree::Ident(name), TokenTree::Punct(bang)]
            if bang.as_char() == '!' && (name == "stream" || name == "iter" || name == "collect")
    )
}
