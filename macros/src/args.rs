//! Options of the generator attributes: `#[async_gen(boxed)]`, `#[async_gen(boxed_local)]`.

use proc_macro2::TokenStream;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Ident, Token};

/// How the generated function returns its generator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Boxing {
    /// `impl Stream` / `impl Iterator`: no allocation.
    None,
    /// `Pin<Box<dyn Stream + Send + 'a>>`.
    Send,
    /// `Pin<Box<dyn Stream + 'a>>`.
    Local,
}

pub(crate) struct Options {
    pub(crate) boxing: Boxing,
}

const VALID: &str = "`boxed` or `boxed_local`";

impl Options {
    // Input: `boxed` | `boxed_local` | nothing
    pub(crate) fn parse(attr: TokenStream, macro_name: &str) -> syn::Result<Self> {
        let mut options = Self {
            boxing: Boxing::None,
        };
        let idents = Punctuated::<Ident, Token![,]>::parse_terminated
            .parse2(attr)
            .map_err(|e| {
                syn::Error::new(
                    e.span(),
                    format!("expected the options of `#[{macro_name}]`: {VALID}"),
                )
            })?;
        let mut seen: Option<Ident> = None;
        for ident in idents {
            let boxing = match ident.to_string().as_str() {
                "boxed" => Boxing::Send,
                "boxed_local" => Boxing::Local,
                other => {
                    return Err(syn::Error::new(
                        ident.span(),
                        format!(
                            "unknown option `{other}` for `#[{macro_name}]`; the valid options are {VALID}"
                        ),
                    ));
                }
            };
            if let Some(previous) = &seen {
                return Err(syn::Error::new(
                    ident.span(),
                    format!("`{ident}` conflicts with `{previous}`: give at most one of {VALID}"),
                ));
            }
            options.boxing = boxing;
            seen = Some(ident);
        }
        Ok(options)
    }
}
