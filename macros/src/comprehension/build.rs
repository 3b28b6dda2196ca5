//! Small constructors of the syntax trees a comprehension is lowered into: the loops
//! and the user's expressions stay syntax trees (so the rewriter of a generator body can
//! see into them), the runtime calls around them are plain tokens.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{
    Arm, Attribute, Block, Expr, ExprBlock, ExprCall, ExprForLoop, ExprIf, ExprMatch,
    ExprMethodCall, ExprYield, Ident, Local, LocalInit, Pat, PatType, Stmt, Token, Type,
};

/// Tokens the rewriter has no business in (a path, a call without user code).
pub(super) fn verbatim(tokens: impl ToTokens) -> Expr {
    Expr::Verbatim(tokens.into_token_stream())
}

pub(super) fn block(stmts: Vec<Stmt>, span: Span) -> Block {
    Block {
        brace_token: syn::token::Brace(span),
        stmts,
    }
}

/// `{ stmts }` as an expression.
pub(super) fn block_expr(stmts: Vec<Stmt>, span: Span) -> Expr {
    Expr::Block(ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: block(stmts, span),
    })
}

/// The statements of each part, in order.
pub(super) fn stmts<const N: usize>(parts: [Vec<Stmt>; N]) -> Vec<Stmt> {
    parts.into_iter().flatten().collect()
}

/// `expr;`
pub(super) fn semi(expr: Expr, span: Span) -> Stmt {
    Stmt::Expr(expr, Some(Token![;](span)))
}

/// `let pat = init;` (`pat` may carry a type: see [`typed`]).
pub(super) fn let_(pat: Pat, init: Expr, span: Span) -> Stmt {
    Stmt::Local(Local {
        attrs: Vec::new(),
        let_token: Token![let](span),
        pat,
        init: Some(LocalInit {
            eq_token: Token![=](span),
            expr: Box::new(init),
            diverge: None,
        }),
        semi_token: Token![;](span),
    })
}

/// `pat: ty`, or `pat` alone.
pub(super) fn typed(pat: Pat, ty: Option<Type>) -> Pat {
    // A leading `|` is not allowed in `let | x: T = ..`; it means nothing anyway.
    let pat = match pat {
        Pat::Or(mut or) if ty.is_some() => {
            or.leading_vert = None;
            Pat::Or(or)
        }
        pat => pat,
    };
    match ty {
        Some(ty) => Pat::Type(PatType {
            attrs: Vec::new(),
            pat: Box::new(pat),
            colon_token: Token![:](syn::spanned::Spanned::span(&ty)),
            ty: Box::new(ty),
        }),
        None => pat,
    }
}

/// `for pat in expr { body }`, with `attrs` (the `#[for_await]` marker, say).
pub(super) fn for_loop(
    attrs: Vec<Attribute>,
    pat: Pat,
    expr: Expr,
    body: Vec<Stmt>,
    span: Span,
) -> ExprForLoop {
    ExprForLoop {
        attrs,
        label: None,
        for_token: Token![for](span),
        pat: Box::new(pat),
        in_token: Token![in](span),
        expr: Box::new(expr),
        body: block(body, span),
    }
}

/// `if cond { body }`
pub(super) fn if_(cond: Expr, body: Vec<Stmt>, span: Span) -> Expr {
    Expr::If(ExprIf {
        attrs: Vec::new(),
        if_token: Token![if](span),
        cond: Box::new(cond),
        then_branch: block(body, span),
        else_branch: None,
    })
}

/// `yield value`
pub(super) fn yield_(value: Expr, span: Span) -> Expr {
    Expr::Yield(ExprYield {
        attrs: Vec::new(),
        yield_token: Token![yield](span),
        expr: Some(Box::new(value)),
    })
}

/// `func(args..)`, `func` being a path with no user code.
pub(super) fn call(func: TokenStream, args: impl IntoIterator<Item = Expr>, span: Span) -> Expr {
    Expr::Call(ExprCall {
        attrs: Vec::new(),
        func: Box::new(verbatim(func)),
        paren_token: syn::token::Paren(span),
        args: args.into_iter().collect(),
    })
}

/// `receiver.method(args..)`
pub(super) fn method_call(
    receiver: Expr,
    method: &str,
    args: impl IntoIterator<Item = Expr>,
    span: Span,
) -> Expr {
    Expr::MethodCall(ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Token![.](span),
        method: Ident::new(method, span),
        turbofish: None,
        paren_token: syn::token::Paren(span),
        args: args.into_iter().collect::<Punctuated<Expr, Token![,]>>(),
    })
}

/// `match scrutinee { arms }`, each arm a pattern with no user code and a block.
pub(super) fn match_(scrutinee: Expr, arms: Vec<(TokenStream, Vec<Stmt>)>, span: Span) -> Expr {
    Expr::Match(ExprMatch {
        attrs: Vec::new(),
        match_token: Token![match](span),
        expr: Box::new(scrutinee),
        brace_token: syn::token::Brace(span),
        arms: arms
            .into_iter()
            .map(|(pat, body)| Arm {
                attrs: Vec::new(),
                pat: Pat::Verbatim(pat),
                guard: None,
                fat_arrow_token: Token![=>](span),
                body: Box::new(block_expr(body, span)),
                comma: None,
            })
            .collect(),
    })
}
