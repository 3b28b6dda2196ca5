//! `collect!`: async comprehensions. The grammar is in `parse.rs`, the lowering into
//! loops (in place, or as the body of a generator) in `lower.rs`.
//!
//! ```text
//! collect![ ELEM CLAUSE+ ( ; OPTION (, OPTION)* )? ]
//! ELEM   := Expr | Expr => Expr
//! CLAUSE := for Pat (: Type)? in Expr | for await Pat (: Type)? in Expr
//!         | if Expr | let Pat (: Type)? = Expr
//! OPTION := iter | stream | try | buffered(Expr) | buffer_unordered(Expr)
//! ```

mod bindings;
mod build;
pub(crate) mod lower;
mod parse;

use proc_macro2::{Span, TokenStream};
use syn::{Expr, Pat, Type};

use crate::errors::Errors;

/// A parsed `collect![..]`.
pub(crate) struct Comprehension {
    pub(crate) elem: Expr,
    /// The value of a `key => value` element.
    pub(crate) value: Option<Expr>,
    /// Never empty; the first is a `for` clause.
    pub(crate) clauses: Vec<Clause>,
    pub(crate) options: Modes,
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

/// The options after `;`: how the comprehension runs.
pub(crate) struct Modes {
    pub(crate) laziness: Laziness,
    pub(crate) laziness_span: Span,
    pub(crate) try_: Option<Span>,
    pub(crate) buffering: Option<Buffering>,
}

/// What to do with the `for await` clauses while lowering: write them out, or leave
/// them as marked `for` loops for the rewriter of the generator body they end up in
/// (which lowers them after rewriting what is inside).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ForAwaitClauses {
    Lowered,
    Marked,
}

impl Comprehension {
    /// Whether its loops run where the comprehension stands (the eager forms without
    /// `buffered`), so that its `?`, `.await` and `return` act on the enclosing
    /// function.
    pub(crate) fn runs_in_place(&self) -> bool {
        self.options.laziness == Laziness::Eager && self.options.buffering.is_none()
    }
}

// Input:  collect![ELEM CLAUSES ; OPTIONS]
// Output: see `lower.rs`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let mut errors = Errors::new();
    let comprehension = Comprehension::parse(input, &mut errors);
    if let Some(comprehension) = &comprehension {
        comprehension.validate(&mut errors);
    }
    match comprehension {
        Some(comprehension) if errors.len() == 0 => lower::expand(comprehension),
        // An expression that diverges after the errors, so the context still
        // type-checks without follow-up errors.
        _ => {
            let errors = errors.to_compile_errors();
            quote::quote!({ #errors __yieldkit_private::core::unreachable!() })
        }
    }
}
