//! The one driver of the attribute forms (`#[async_gen]`, `#[generator]`,
//! `#[coroutine]`, `#[for_await]`): parse the options and the function, validate the
//! signature, rewrite the body, emit the function that returns the generator. What
//! differs between the forms is in `form.rs`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Attribute, Signature, Stmt};

use crate::block;
use crate::crate_path;
use crate::emit::{self, Body, Holder};
use crate::errors::Errors;
use crate::form::{CoTypes, Form, Output, coroutine_trait_path};
use crate::options::{Boxing, Options};
use crate::rewrite::{self, Names};
use crate::signature::{self, GenFn};

// Input:
//     #[async_gen] async fn f<G>(args) -> Item where W { body }
// Output:
//     fn f<G>(args) -> impl FusedStream<Item = Item> where W {
//         AsyncGen::new(move |token| async move { ..handle, arguments, body rewritten.. })
//     }
// and likewise `Generator` (an iterator, boxed unless `unboxed`), `Co` / `AsyncCo` (a
// coroutine, returning `impl Coroutine<..>` as written); `boxed` / `boxed_local` return
// `Pin<Box<dyn Trait (+ Send) + 'a>>`. `#[for_await]` rewrites the body of an ordinary
// `async fn` in place.
pub(crate) fn expand(form: Form, attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::new();
    let options = Options::parse(attr, form, &mut errors);
    let path = options
        .crate_path
        .clone()
        .unwrap_or_else(crate_path::from_manifest);
    expand_with(form, options, item, errors, &path)
}

fn expand_with(
    form: Form,
    mut options: Options,
    item: TokenStream,
    mut errors: Errors,
    path: &TokenStream,
) -> TokenStream {
    // async-stream's `for await`, which is not Rust: read as `#[for_await] for`, and
    // reported with what to write instead (where the body may await at all; elsewhere
    // the rewriter says it cannot).
    let mut marked = Vec::new();
    let item = block::mark_for_await(item, &mut marked);
    let GenFn {
        mut attrs,
        vis,
        mut sig,
        body,
    } = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(err) if form == Form::ForAwait && is_loop(&item) => {
            errors.at(
                err.span(),
                "`#[for_await]` on a loop works inside an `#[yieldkit::async_gen]` or \
                 `#[yieldkit::for_await]` function: put `#[yieldkit::for_await]` on the `async fn` \
                 around this loop",
            );
            return errors.to_compile_errors();
        }
        Err(err) => {
            match not_a_function(&item) {
                Some(what) => {
                    let attr = form.attr();
                    let function = if form == Form::ForAwait {
                        "an `async fn`"
                    } else {
                        "a function"
                    };
                    errors.at(
                        err.span(),
                        format!(
                            "`#[{attr}]` goes on {function}, not on {what}: put it on each \
                             function or method that needs it"
                        ),
                    );
                }
                None => errors.add(err),
            }
            return errors.to_compile_errors();
        }
    };
    if form.kind(sig.asyncness.is_some()).can_await() {
        for span in marked {
            errors.at(
                span,
                "`for await` is not stable Rust: write `#[for_await] for x in stream { .. }` \
                 here (a `for await` works inside `stream! { .. }`)",
            );
        }
    }
    let before = errors.len();
    attrs.retain(|attr| !another_generator_attribute(form, attr, &mut errors));
    let conflicting = errors.len() != before;
    let boxed = options.boxing != Boxing::None;
    if let (Form::Coroutine, true, Some(option), true) =
        (form, sig.asyncness.is_some(), &options.boxing_option, boxed)
    {
        errors.at(
            option.span(),
            format!(
                "an async coroutine cannot be `{option}`: `AsyncCoroutine` is not dyn \
                 compatible (its `resume` returns a future that borrows the coroutine); drop \
                 `{option}`, and `Box::pin` the coroutine where it must live on the heap"
            ),
        );
        options.boxing = Boxing::None;
    }
    if let (Some(item), syn::ReturnType::Default) = (&options.item, &sig.output) {
        // Reported with the options: taken as the return type it should have been.
        sig.output = syn::parse_quote!(-> #item);
    }
    let before = errors.len();
    // With another generator attribute, the signature may be that one's: what this one
    // thinks of it would only repeat the conflict.
    if !conflicting {
        form.check_signature(&sig, &mut errors);
    }
    let output = form.output(&sig, &mut errors);
    let signature_ok = errors.len() == before && !conflicting;
    let Some(body) = body else {
        let attr = form.attr();
        errors.at(
            sig.ident.span(),
            format!(
                "`#[{attr}]` goes on a function with a body; in a trait, declare `{}` and put \
                 `#[{attr}]` on the impl's method",
                form.declaration()
            ),
        );
        return errors.to_compile_errors();
    };
    let is_async = sig.asyncness.is_some();
    let names = Names::new();
    let body_span = body.brace_token.span.join();
    let mut stmts = body.stmts;
    let output = match output {
        Some(output) => output,
        // Without the types there is no signature to keep: report the errors, and use
        // the user's trait path so that its import is not reported as unused on top.
        None if form == Form::Coroutine => {
            let uses = coroutine_trait_path(&sig)
                .map(|path| quote!(const _: () = { #[allow(unused_imports)] use #path as _; };));
            let errors = errors.to_compile_errors();
            return quote!(#errors #uses);
        }
        // The item type defaults to `()`, so callers still see a stream or iterator.
        None => Output::Items(syn::parse_quote!(())),
    };
    // A body whose signature is wrong is left out: its errors would pile up on the
    // signature's, and callers still see the intended signature.
    if signature_ok {
        let generator = rewrite::Generator {
            kind: form.kind(is_async),
            syntax: rewrite::Syntax::Macro,
            item: match &output {
                Output::Items(item) => Some(item),
                Output::Coroutine(types) => Some(&types.yielded),
                Output::Unchanged => None,
            },
            sent: match &output {
                Output::Coroutine(types) => Some(&types.sent),
                Output::Items(_) | Output::Unchanged => None,
            },
        };
        rewrite::body(&generator, &names, &mut stmts, &mut errors);
    } else {
        stmts.clear();
    }
    let block = match &output {
        Output::Unchanged => quote!(#(#stmts)*),
        Output::Items(_) | Output::Coroutine(_) => {
            signature::strip_async(&mut sig);
            let prelude = signature::bind_arguments(&mut sig);
            let generated = Generated {
                form,
                options: &options,
                names: &names,
                prelude: &prelude,
                stmts: &stmts,
                body_span,
            };
            generated.value(&output, is_async, &mut sig, &mut attrs)
        }
    };
    emit::function(&errors, &attrs, &vis, &sig, path, &block)
}

/// What goes into the function's block, for an attribute that makes a generator.
struct Generated<'a> {
    form: Form,
    options: &'a Options,
    names: &'a Names,
    prelude: &'a TokenStream,
    stmts: &'a [Stmt],
    /// The user's braces around the body (see `emit::Body::span`).
    body_span: Span,
}

impl Generated<'_> {
    /// The generator the function returns, with the return type set to match.
    fn value(
        &self,
        output: &Output,
        is_async: bool,
        sig: &mut Signature,
        attrs: &mut Vec<Attribute>,
    ) -> TokenStream {
        let boxing = self.options.boxing;
        match (self.form, output) {
            (Form::AsyncGen, Output::Items(item)) => {
                let value = self.holder(&Holder::AsyncGen(Some(item)));
                match boxing {
                    Boxing::None => {
                        signature::set_return(
                            sig,
                            quote!(impl __yieldkit_private::FusedStream<Item = #item> + __yieldkit_private::AsyncClose),
                        );
                        value
                    }
                    // `closable`: a trait object that is `AsyncClose` too.
                    Boxing::Send | Boxing::Local if self.options.closable.is_some() => emit::boxed(
                        sig,
                        boxing,
                        quote!(__yieldkit_private::ClosableStream<Item = #item>),
                        value,
                    ),
                    Boxing::Send | Boxing::Local => emit::boxed(
                        sig,
                        boxing,
                        quote!(__yieldkit_private::Stream<Item = #item>),
                        value,
                    ),
                }
            }
            (Form::Generator, Output::Items(item)) => {
                let value = self.holder(&Holder::Generator(Some(item)));
                match boxing {
                    Boxing::None if self.options.unboxed => {
                        signature::set_return(
                            sig,
                            quote!(__yieldkit_private::Generator<#item, impl __yieldkit_private::GenBody<#item>>),
                        );
                        value
                    }
                    Boxing::None => {
                        signature::set_return(
                            sig,
                            quote!(impl __yieldkit_private::core::iter::FusedIterator<Item = #item> + __yieldkit_private::Close),
                        );
                        // A trait may declare `-> impl Iterator`; the impl promises
                        // `FusedIterator` too.
                        attrs.push(syn::parse_quote!(#[allow(refining_impl_trait)]));
                        quote!(__yieldkit_private::Box::pin(#value))
                    }
                    Boxing::Send | Boxing::Local => emit::boxed(
                        sig,
                        boxing,
                        quote!(__yieldkit_private::PinIterator<Item = #item>),
                        value,
                    ),
                }
            }
            (_, Output::Coroutine(types)) => self.coroutine(types, is_async, sig),
            // `#[async_gen]` and `#[generator]` declare items, `#[coroutine]` its types,
            // and `#[for_await]` never gets here.
            _ => TokenStream::new(),
        }
    }

    fn coroutine(&self, types: &CoTypes, is_async: bool, sig: &mut Signature) -> TokenStream {
        let value = self.holder(&Holder::Coroutine {
            types,
            first: self.options.first.as_ref(),
            is_async,
        });
        // The user's own path to the trait is kept (`impl Coroutine<..>` with the trait
        // imported), so the import is used and errors name what the user wrote.
        let bound = &types.bound;
        match self.options.boxing {
            Boxing::None => {
                // A fresh `impl` (this crate's edition: it captures every lifetime in
                // scope, as an `async fn` does, even in a 2021-edition caller).
                let others = types.others.iter().map(|other| &other.tokens);
                signature::set_return(sig, quote!(impl #bound #(+ #others)*));
                value
            }
            boxing => {
                // The other trait bounds go on the trait object too (`+ Send` is the
                // `boxed` option's, a lifetime is the one the option computes).
                let others = types
                    .others
                    .iter()
                    .filter(|other| {
                        other
                            .trait_name
                            .as_ref()
                            .is_some_and(|name| boxing != Boxing::Send || name != "Send")
                    })
                    .map(|other| &other.tokens);
                emit::boxed(sig, boxing, quote!(#bound #(+ #others)*), value)
            }
        }
    }

    fn holder(&self, holder: &Holder<'_>) -> TokenStream {
        let body = Body {
            prelude: self.prelude,
            stmts: self.stmts,
            span: self.body_span,
        };
        emit::holder(holder, self.names, &body)
    }
}

/// Whether `item` is a (labelled) loop: `#[for_await]` written on one outside the
/// functions that read it.
fn is_loop(item: &TokenStream) -> bool {
    let mut tokens = item.clone().into_iter();
    match tokens.next() {
        Some(proc_macro2::TokenTree::Ident(ident)) => ident == "for",
        Some(proc_macro2::TokenTree::Punct(quote)) => quote.as_char() == '\'',
        _ => false,
    }
}

/// What `item` is, if it is an item other than a function.
fn not_a_function(item: &TokenStream) -> Option<&'static str> {
    Some(match syn::parse2::<syn::Item>(item.clone()).ok()? {
        syn::Item::Fn(_) | syn::Item::Verbatim(_) => return None,
        syn::Item::Mod(_) => "a module",
        syn::Item::Impl(_) => "an `impl` block",
        syn::Item::Trait(_) | syn::Item::TraitAlias(_) => "a trait",
        syn::Item::Struct(_) => "a struct",
        syn::Item::Enum(_) => "an enum",
        syn::Item::Union(_) => "a union",
        syn::Item::Const(_) => "a constant",
        syn::Item::Static(_) => "a static",
        syn::Item::Type(_) => "a type alias",
        syn::Item::Use(_) => "a `use` declaration",
        syn::Item::Macro(_) => "a macro",
        _ => "this item",
    })
}

/// Reports a second generator attribute on the function (the same one again,
/// `#[generator]` with `#[async_gen]`, ..), which would otherwise run on this one's
/// output; says whether `attr` is one, so it is dropped.
fn another_generator_attribute(form: Form, attr: &Attribute, errors: &mut Errors) -> bool {
    let path = attr.path();
    let Some(last) = path.segments.last() else {
        return false;
    };
    let name = last.ident.to_string();
    let ours = path.segments.len() == 1 || path.segments[0].ident == "yieldkit";
    if !ours || !["async_gen", "generator", "coroutine", "for_await"].contains(&name.as_str()) {
        return false;
    }
    let this = form.attr();
    let message = if name == this {
        format!("`#[{this}]` is already on this function: remove this one")
    } else if name == "for_await" && form != Form::ForAwait {
        format!(
            "`#[{this}]` reads the `#[for_await]` loops of its body itself: remove this attribute"
        )
    } else {
        format!(
            "a function takes one generator attribute, and this one has `#[{this}]` too: keep \
             the one that makes what it should return"
        )
    };
    errors.at(last.ident.span(), message);
    true
}
