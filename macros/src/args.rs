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

/// Options of `#[generator]` (`boxed`, `boxed_local`, `unboxed`) and `#[coroutine]`
/// (`boxed`, `boxed_local`, `first = name`).
pub(crate) struct GenOptions {
    pub(crate) boxing: Boxing,
    /// `#[generator(unboxed)]`: the `!Unpin` generator itself, no allocation.
    pub(crate) unboxed: bool,
    /// `#[coroutine(first = name)]`: the binding of the first resume value.
    pub(crate) first: Option<Ident>,
}

/// One option: `name` or `name = value`.
struct GenOption {
    name: Ident,
    value: Option<Ident>,
}

impl syn::parse::Parse for GenOption {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        let name = input.parse()?;
        let value = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Some(input.parse()?)
        } else {
            None
        };
        Ok(Self { name, value })
    }
}

impl GenOptions {
    // Input: `boxed` | `boxed_local` | `unboxed` (generator) | `first = name` (coroutine),
    // comma-separated, at most one boxing mode
    pub(crate) fn parse(attr: TokenStream, macro_name: &str) -> syn::Result<Self> {
        let coroutine = macro_name == "coroutine";
        let valid = if coroutine {
            "`boxed`, `boxed_local` and `first = name`"
        } else {
            "`boxed`, `boxed_local` and `unboxed`"
        };
        let mut options = Self {
            boxing: Boxing::None,
            unboxed: false,
            first: None,
        };
        let list = Punctuated::<GenOption, Token![,]>::parse_terminated
            .parse2(attr)
            .map_err(|e| {
                syn::Error::new(
                    e.span(),
                    format!("expected the options of `#[{macro_name}]`: {valid}"),
                )
            })?;
        let mut mode: Option<Ident> = None;
        for GenOption { name, value } in list {
            let key = name.to_string();
            match (key.as_str(), &value, coroutine) {
                ("first", Some(value), true) => {
                    if options.first.is_some() {
                        return Err(syn::Error::new(name.span(), "`first` is given twice"));
                    }
                    options.first = Some(value.clone());
                    continue;
                }
                ("first", None, true) => {
                    return Err(syn::Error::new(
                        name.span(),
                        "`first` names the binding of the first resume value: write `first = name`",
                    ));
                }
                ("boxed" | "boxed_local", None, _) | ("unboxed", None, false) => {}
                _ => {
                    return Err(syn::Error::new(
                        name.span(),
                        format!(
                            "unknown option `{key}` for `#[{macro_name}]`; the valid options are {valid}"
                        ),
                    ));
                }
            }
            if let Some(previous) = &mode {
                return Err(syn::Error::new(
                    name.span(),
                    format!("`{name}` conflicts with `{previous}`: give at most one of them"),
                ));
            }
            match key.as_str() {
                "boxed" => options.boxing = Boxing::Send,
                "boxed_local" => options.boxing = Boxing::Local,
                _ => options.unboxed = true,
            }
            mode = Some(name);
        }
        Ok(options)
    }
}
