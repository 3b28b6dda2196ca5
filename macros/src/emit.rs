//! What an expansion writes around a rewritten body: the runtime value that holds it,
//! the `boxed` options' return type, and the emitted function.

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Signature, Stmt, Type, Visibility};

use crate::crate_path;
use crate::errors::Errors;
use crate::form::CoTypes;
use crate::options::Boxing;
use crate::rewrite::Names;
use crate::signature;

/// The runtime type a body goes in.
pub(crate) enum Holder<'a> {
    /// A stream (`AsyncGen`); the item type, `None` to infer it.
    AsyncGen(Option<&'a Type>),
    /// An iterator (`Generator`), pinned in a box unless the caller does otherwise.
    Generator(Option<&'a Type>),
    /// A coroutine (`Co`, or `AsyncCo` when `is_async`), with the binding of its first
    /// resume's value (unnamed: it must be `()`).
    Coroutine {
        types: &'a CoTypes,
        first: Option<&'a Ident>,
        is_async: bool,
    },
}

/// The value that holds a generator's body: the runtime type made from a closure that
/// builds the body future.
///
/// Output: `generator_body!(AsyncGen<Item>, yielder, { prelude; let () = 'body: { stmts }; })`,
/// which the runtime expands to
/// `AsyncGen::new(move |token| async move { let yielder = /* from token */; prelude; .. })`
/// (a coroutine's block is typed with its return type and is the body's value).
///
/// Making the handle is the one `unsafe` step of an expansion: it is left to that
/// macro, which names what it relies on with `$crate` paths a user crate cannot
/// redirect (a proc macro's paths to the runtime can be), and it is never among the
/// tokens a user macro in the body is given.
pub(crate) fn holder(holder: &Holder<'_>, names: &Names, body: &Body<'_>) -> TokenStream {
    let Names { yielder, label } = names;
    let prelude = body.prelude;
    let block = body.block();
    let item = |item: Option<&Type>| item.map_or_else(|| quote!(_), ToTokens::to_token_stream);
    match holder {
        Holder::AsyncGen(ty) | Holder::Generator(ty) => {
            let runtime = match holder {
                Holder::AsyncGen(_) => quote!(AsyncGen),
                _ => quote!(Generator),
            };
            let item = item(*ty);
            quote! {
                __yieldkit_private::generator_body!(#runtime<#item>, #yielder, {
                    #prelude
                    #[allow(unused_labels)]
                    let () = #label: { #block };
                })
            }
        }
        Holder::Coroutine {
            types,
            first,
            is_async,
        } => {
            let CoTypes {
                sent, yielded, ret, ..
            } = types;
            let runtime = if *is_async {
                quote!(AsyncCo)
            } else {
                quote!(Co)
            };
            let (first, first_check) = match first {
                Some(name) => (name.to_token_stream(), TokenStream::new()),
                None => {
                    let sent_span = sent.span();
                    let unnamed =
                        Ident::new("first_resume", Span::mixed_site().located_at(sent_span));
                    (
                        unnamed.to_token_stream(),
                        quote_spanned!(sent_span=> <#sent as __yieldkit_private::UnnamedFirstResume>::discard(#unnamed);),
                    )
                }
            };
            let returned = Ident::new("returned", Span::mixed_site());
            let binding = quote!(let #returned: #ret = #label: { #block };);
            quote! {
                __yieldkit_private::generator_body!(#runtime<#yielded, #sent>, #yielder, #first, {
                    #prelude
                    #first_check
                    #[allow(unused_labels)]
                    #binding
                    #returned
                })
            }
        }
    }
}

/// A rewritten body: the statements that bind the arguments, and the body's own.
pub(crate) struct Body<'a> {
    pub(crate) prelude: &'a TokenStream,
    pub(crate) stmts: &'a [Stmt],
    /// A span of the user's tokens (the function's braces, a block form's input), for
    /// the body's block: the edition it carries decides when the temporaries of the
    /// body's tail expression are dropped (after its locals before 2024, before them
    /// since), so the body follows the user's crate, as an `async fn` would. (The
    /// block sits inside the labeled one a `?` leaves by: a labeled block follows the
    /// edition of its label, which is the expansion's.)
    pub(crate) span: Span,
}

impl Body<'_> {
    fn block(&self) -> TokenStream {
        let stmts = self.stmts;
        if let [Stmt::Expr(_, None)] = stmts {
            // A lone expression has no locals to be dropped before or after its
            // temporaries, and braces around it would be `unused_braces` at the user's
            // token.
            return quote!(#(#stmts)*);
        }
        let mut block = Group::new(Delimiter::Brace, quote!(#(#stmts)*));
        block.set_span(self.span);
        block.into_token_stream()
    }
}

/// The `boxed` / `boxed_local` options: returns `Pin<Box<dyn Trait (+ Send) + 'a>>`,
/// where every lifetime of the inputs outlives `'a` (see `signature::box_lifetime`),
/// and boxes `value`.
pub(crate) fn boxed(
    sig: &mut Signature,
    boxing: Boxing,
    dyn_trait: TokenStream,
    value: TokenStream,
) -> TokenStream {
    let lifetime = signature::box_lifetime(sig);
    let check = lifetime
        .is_none()
        .then(|| signature::hidden_lifetimes_check(sig));
    let bound = lifetime.map(|lifetime| quote!(+ #lifetime));
    let send = (boxing == Boxing::Send).then(|| quote!(+ __yieldkit_private::core::marker::Send));
    signature::set_return(
        sig,
        quote!(__yieldkit_private::core::pin::Pin<__yieldkit_private::Box<dyn #dyn_trait #send #bound>>),
    );
    quote!(#check __yieldkit_private::Box::pin(#value))
}

/// The emitted function: its errors, its attributes, the rewritten signature and body.
/// The signature names the runtime by `path`; the block imports it under the
/// placeholder's name.
pub(crate) fn function(
    errors: &Errors,
    attrs: &[Attribute],
    vis: &Visibility,
    sig: &Signature,
    path: &TokenStream,
    block: &TokenStream,
) -> TokenStream {
    let errors = errors.to_compile_errors();
    let sig = crate_path::resolve(sig.to_token_stream(), path);
    let import = crate_path::import_statement(path);
    quote! {
        #errors
        #(#attrs)*
        #vis #sig { #import #block }
    }
}
