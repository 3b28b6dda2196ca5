//! Expansions of `#[async_gen]`, `stream!` and `#[for_await]`.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream, Parser};
use syn::{Block, Stmt, Token, Type};

use crate::args::{Boxing, Options};
use crate::emit;
use crate::signature::{self, GenFn};
use crate::visit::{Kind, Names, Rewriter};

/// The body closure every async generator is made from.
fn async_gen_body(
    names: &Names,
    item: Option<&Type>,
    prelude: TokenStream,
    stmts: &[Stmt],
) -> TokenStream {
    let item = item.map_or_else(|| quote!(_), ToTokens::to_token_stream);
    emit::body_closure("AsyncGen", names, item, prelude, stmts)
}

// Input:
//     #[async_gen] async fn f<G>(args) -> Item where W { body }
// Output:
//     fn f<G>(args) -> impl Stream<Item = Item> where W {
//         AsyncGen::new(move |mut y: Yielder<Item>| async move { ..body, rewritten.. })
//     }
pub(crate) fn async_gen(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    let options = Options::parse(attr, "async_gen")?;
    let GenFn {
        attrs,
        vis,
        mut sig,
        body,
    } = syn::parse2(item)?;
    let mut errors = Vec::new();
    signature::check_async(&sig, "async_gen", &mut errors);
    let item = signature::item_type(&sig, "async_gen")
        .map_err(|e| errors.push(e))
        .ok();
    let Some(body) = body else {
        errors.push(emit::needs_body(
            &sig,
            "async_gen",
            "fn name(&self) -> impl Stream<Item = Item> + '_;",
        ));
        return Err(emit::combine(errors).expect("an error was just pushed"));
    };

    signature::strip_async(&mut sig);
    let prelude = signature::bind_arguments(&mut sig);
    let item_or_unit = item.clone().unwrap_or_else(|| syn::parse_quote!(()));
    let stream_ty = quote!(::agen::__private::Stream<Item = #item_or_unit>);
    let names = Names::new();
    let mut stmts = body.stmts;
    emit::rewrite_body(Kind::Stream, &names, &mut stmts, &mut errors);
    let generator = async_gen_body(&names, Some(&item_or_unit), prelude, &stmts);
    let block = match options.boxing {
        Boxing::None => {
            signature::set_return(
                &mut sig,
                quote!(impl ::agen::__private::FusedStream<Item = #item_or_unit>),
            );
            generator
        }
        Boxing::Send | Boxing::Local => emit::boxed(&mut sig, options.boxing, stream_ty, generator),
    };
    Ok(emit::function(errors, &attrs, &vis, &sig, block))
}

/// `stream! { .. }` input: an optional `type Item = T;`, then statements.
pub(crate) struct BlockInput {
    pub(crate) item: Option<Type>,
    pub(crate) stmts: Vec<Stmt>,
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

/// Rewrites `for await` (which rustc cannot parse) into `#[for_await] for`, at any
/// depth, so the block forms can be parsed as Rust.
pub(crate) fn mark_for_await(tokens: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    let mut iter = tokens.into_iter().peekable();
    while let Some(tt) = iter.next() {
        match tt {
            TokenTree::Ident(ident)
                if ident == "for"
                    && matches!(iter.peek(), Some(TokenTree::Ident(next)) if next == "await") =>
            {
                iter.next();
                let span = ident.span();
                out.extend(quote_spanned!(span=> #[for_await]));
                out.push(TokenTree::Ident(ident));
            }
            TokenTree::Group(group) => {
                let mut new =
                    proc_macro2::Group::new(group.delimiter(), mark_for_await(group.stream()));
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

// Input:
//     stream! { type Item = T; ..statements with `yield v;` and `for await`.. }
// Output:
//     AsyncGen::new(move |mut y: Yielder<T or _>| async move { ..rewritten.. })
pub(crate) fn stream(input: TokenStream) -> syn::Result<TokenStream> {
    let BlockInput { item, mut stmts } = BlockInput::parse.parse2(mark_for_await(input))?;
    let names = Names::new();
    let errors = Rewriter::new(Kind::Stream, names.clone())
        .rewrite(&mut stmts)
        .map(|e| e.into_compile_error());
    let generator = async_gen_body(&names, item.as_ref(), TokenStream::new(), &stmts);
    Ok(quote!({ #errors #generator }))
}

// Input:
//     #[for_await] async fn f(args) -> T { ..#[for_await] for x in s { .. }.. }
// Output: the same function with each marked loop rewritten (see `visit::Rewriter::for_await`)
pub(crate) fn for_await(attr: TokenStream, item: TokenStream) -> syn::Result<TokenStream> {
    if let Some(tt) = attr.into_iter().next() {
        return Err(syn::Error::new(
            tt.span(),
            "`#[for_await]` takes no options",
        ));
    }
    let GenFn {
        attrs,
        vis,
        sig,
        body,
    } = syn::parse2(item).map_err(|e| {
        syn::Error::new(
            e.span(),
            "`#[agen::for_await]` goes on an `async fn`; on a loop it is only understood inside \
             `#[agen::for_await]` or `#[agen::async_gen]` functions",
        )
    })?;
    let mut errors = Vec::new();
    if sig.asyncness.is_none() {
        errors.push(syn::Error::new(
            sig.fn_token.span,
            "`#[for_await]` needs an `async fn`: `for await` loops `.await` each item",
        ));
    }
    let Some(body) = body else {
        return Err(syn::Error::new(
            Span::call_site(),
            "`#[for_await]` goes on a function with a body",
        ));
    };
    let mut stmts = body.stmts;
    if let Some(err) = Rewriter::new(Kind::PlainAsync, Names::new()).rewrite(&mut stmts) {
        errors.push(err);
    }
    Ok(emit::function(
        errors,
        &attrs,
        &vis,
        &sig,
        quote!(#(#stmts)*),
    ))
}
