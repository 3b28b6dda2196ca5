//! The names a comprehension's clauses bind: what a buffered element future takes by
//! value.

use syn::{Expr, Ident, Pat};

use super::Clause;

/// The names the clauses bind, in scope at the element (last binding of a name wins),
/// each with whether it was bound `mut`.
pub(super) fn clause_bindings(clauses: &[Clause]) -> Vec<(Ident, bool)> {
    let mut out = Vec::new();
    for clause in clauses {
        match clause {
            Clause::For { pat, .. } | Clause::Let { pat, .. } => pat_bindings(pat, &mut out),
            Clause::If { cond, .. } => cond_bindings(cond, &mut out),
        }
    }
    out
}

/// Bindings of `if let P = e` and let chains.
fn cond_bindings(cond: &Expr, out: &mut Vec<(Ident, bool)>) {
    match cond {
        Expr::Let(expr) => pat_bindings(&expr.pat, out),
        Expr::Binary(binary) if matches!(binary.op, syn::BinOp::And(_)) => {
            cond_bindings(&binary.left, out);
            cond_bindings(&binary.right, out);
        }
        Expr::Paren(paren) => cond_bindings(&paren.expr, out),
        _ => {}
    }
}

fn pat_bindings(pat: &Pat, out: &mut Vec<(Ident, bool)>) {
    match pat {
        Pat::Ident(ident) => {
            let binds = ident.by_ref.is_some()
                || ident.mutability.is_some()
                || ident.subpat.is_some()
                // `None`, `MAX`: a unit variant or a constant, by convention.
                || !ident.ident.to_string().starts_with(char::is_uppercase);
            if binds {
                let is_mut = ident.by_ref.is_none() && ident.mutability.is_some();
                out.retain(|(name, _)| *name != ident.ident);
                out.push((ident.ident.clone(), is_mut));
            }
            if let Some((_, sub)) = &ident.subpat {
                pat_bindings(sub, out);
            }
        }
        Pat::Or(or) => {
            if let Some(first) = or.cases.first() {
                pat_bindings(first, out);
            }
        }
        Pat::Paren(paren) => pat_bindings(&paren.pat, out),
        Pat::Reference(reference) => pat_bindings(&reference.pat, out),
        Pat::Slice(slice) => slice.elems.iter().for_each(|p| pat_bindings(p, out)),
        Pat::Struct(strukt) => strukt
            .fields
            .iter()
            .for_each(|field| pat_bindings(&field.pat, out)),
        Pat::Tuple(tuple) => tuple.elems.iter().for_each(|p| pat_bindings(p, out)),
        Pat::TupleStruct(tuple) => tuple.elems.iter().for_each(|p| pat_bindings(p, out)),
        Pat::Type(typed) => pat_bindings(&typed.pat, out),
        _ => {}
    }
}
