//! The walk over the code of a body: every expression and statement that runs, in
//! source order, each handed back to the rewriter (`Rewriter::visit_expr_mut`,
//! `visit_stmt_mut`), which rewrites what is its own and walks on into the rest. A
//! closure or `async` block is walked in the scope it opens.
//!
//! Types, patterns, paths and attributes are not entered: they hold no code that runs
//! in the body, only constant expressions (array lengths, const arguments, literal
//! patterns), where a yield, `?` or `return` is an error in any `async fn` too. (A walk
//! of its own rather than syn's `VisitMut`: syn's `visit-mut` feature would add a tenth
//! to every user's build of syn.)

use syn::{Block, Expr, Local, Stmt};

use super::{Rewriter, Scope};

impl Rewriter<'_> {
    pub(crate) fn visit_block_mut(&mut self, block: &mut Block) {
        self.visit_stmts(&mut block.stmts);
    }

    /// The parts of a statement that run.
    pub(super) fn walk_stmt(&mut self, stmt: &mut Stmt) {
        match stmt {
            Stmt::Local(Local {
                init: Some(init), ..
            }) => {
                self.visit_expr_mut(&mut init.expr);
                if let Some((_, diverge)) = &mut init.diverge {
                    self.visit_expr_mut(diverge);
                }
            }
            Stmt::Local(_) => {}
            Stmt::Item(item) => self.nested_item(item),
            Stmt::Expr(expr, _) => self.visit_expr_mut(expr),
            // Rewritten, or left as it is, by `visit_stmt_mut`.
            Stmt::Macro(_) => {}
        }
    }

    /// The expressions and blocks inside an expression.
    pub(super) fn walk_expr(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Array(e) => e.elems.iter_mut().for_each(|e| self.visit_expr_mut(e)),
            Expr::Assign(e) => {
                self.visit_expr_mut(&mut e.left);
                self.visit_expr_mut(&mut e.right);
            }
            Expr::Async(e) => {
                self.in_scope(Scope::AsyncBlock, |this| this.visit_block_mut(&mut e.block));
            }
            Expr::Await(e) => self.visit_expr_mut(&mut e.base),
            Expr::Binary(e) => {
                self.visit_expr_mut(&mut e.left);
                self.visit_expr_mut(&mut e.right);
            }
            Expr::Block(e) => match &e.label {
                Some(label) => {
                    let label = label.name.clone();
                    self.with_target(Some(&label), false, |this| {
                        this.visit_block_mut(&mut e.block)
                    });
                }
                None => self.visit_block_mut(&mut e.block),
            },
            Expr::Break(e) => self.visit_opt(&mut e.expr),
            Expr::Call(e) => {
                self.visit_expr_mut(&mut e.func);
                e.args.iter_mut().for_each(|e| self.visit_expr_mut(e));
            }
            Expr::Cast(e) => self.visit_expr_mut(&mut e.expr),
            Expr::Closure(e) => {
                let scope = if e.asyncness.is_some() {
                    Scope::AsyncBlock
                } else {
                    Scope::Closure
                };
                self.in_scope(scope, |this| this.visit_expr_mut(&mut e.body));
            }
            Expr::Const(e) => self.visit_block_mut(&mut e.block),
            Expr::Field(e) => self.visit_expr_mut(&mut e.base),
            Expr::ForLoop(e) => {
                self.visit_expr_mut(&mut e.expr);
                let label = e.label.as_ref().map(|label| label.name.clone());
                self.with_target(label.as_ref(), true, |this| {
                    this.visit_block_mut(&mut e.body)
                });
            }
            Expr::Group(e) => self.visit_expr_mut(&mut e.expr),
            Expr::If(e) => {
                self.visit_expr_mut(&mut e.cond);
                self.visit_block_mut(&mut e.then_branch);
                if let Some((_, else_branch)) = &mut e.else_branch {
                    self.visit_expr_mut(else_branch);
                }
            }
            Expr::Index(e) => {
                self.visit_expr_mut(&mut e.expr);
                self.visit_expr_mut(&mut e.index);
            }
            Expr::Let(e) => self.visit_expr_mut(&mut e.expr),
            Expr::Loop(e) => {
                let label = e.label.as_ref().map(|label| label.name.clone());
                self.with_target(label.as_ref(), true, |this| {
                    this.visit_block_mut(&mut e.body)
                });
            }
            Expr::Match(e) => {
                self.visit_expr_mut(&mut e.expr);
                for arm in &mut e.arms {
                    if let Some((_, guard)) = &mut arm.guard {
                        self.visit_expr_mut(guard);
                    }
                    self.visit_expr_mut(&mut arm.body);
                }
            }
            Expr::MethodCall(e) => {
                self.visit_expr_mut(&mut e.receiver);
                e.args.iter_mut().for_each(|e| self.visit_expr_mut(e));
            }
            Expr::Paren(e) => self.visit_expr_mut(&mut e.expr),
            Expr::Range(e) => {
                self.visit_opt(&mut e.start);
                self.visit_opt(&mut e.end);
            }
            Expr::RawAddr(e) => self.visit_expr_mut(&mut e.expr),
            Expr::Reference(e) => self.visit_expr_mut(&mut e.expr),
            Expr::Repeat(e) => {
                self.visit_expr_mut(&mut e.expr);
                self.visit_expr_mut(&mut e.len);
            }
            Expr::Return(e) => self.visit_opt(&mut e.expr),
            Expr::Struct(e) => {
                for field in &mut e.fields {
                    self.visit_expr_mut(&mut field.expr);
                }
                self.visit_opt(&mut e.rest);
            }
            Expr::Try(e) => self.visit_expr_mut(&mut e.expr),
            Expr::TryBlock(e) => self.visit_block_mut(&mut e.block),
            Expr::Tuple(e) => e.elems.iter_mut().for_each(|e| self.visit_expr_mut(e)),
            Expr::Unary(e) => self.visit_expr_mut(&mut e.expr),
            Expr::Unsafe(e) => self.visit_block_mut(&mut e.block),
            Expr::While(e) => {
                let label = e.label.as_ref().map(|label| label.name.clone());
                self.with_target(label.as_ref(), true, |this| {
                    this.visit_expr_mut(&mut e.cond);
                    this.visit_block_mut(&mut e.body);
                });
            }
            Expr::Yield(e) => self.visit_opt(&mut e.expr),
            // No code inside (`Lit`, `Path`, `Continue`, `Infer`), another macro's input
            // (`Macro`, handled by `visit_expr_mut`), or tokens this crate wrote
            // (`Verbatim`).
            _ => {}
        }
    }

    fn visit_opt(&mut self, expr: &mut Option<Box<Expr>>) {
        if let Some(expr) = expr {
            self.visit_expr_mut(expr);
        }
    }
}
