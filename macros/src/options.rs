//! The options of the attribute forms: `boxed`, `boxed_local`, `unboxed`,
//! `first = name`, each allowed on the forms that list it (see `form.rs`), and
//! `crate = path`, on every form (see `crate_path.rs`).

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Ident, Token, Type};

use crate::errors::Errors;
use crate::form::Form;

/// How the generated function returns its generator.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Boxing {
    /// `impl Stream` / `impl Iterator` / `impl Coroutine`.
    None,
    /// `Pin<Box<dyn Trait + Send + 'a>>`.
    Send,
    /// `Pin<Box<dyn Trait + 'a>>`.
    Local,
}

/// An option's name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Opt {
    Boxed,
    BoxedLocal,
    Unboxed,
    First,
    Closable,
}

impl Opt {
    const ALL: [Opt; 5] = [
        Opt::Boxed,
        Opt::BoxedLocal,
        Opt::Unboxed,
        Opt::First,
        Opt::Closable,
    ];

    fn name(self) -> &'static str {
        match self {
            Opt::Boxed => "boxed",
            Opt::BoxedLocal => "boxed_local",
            Opt::Unboxed => "unboxed",
            Opt::First => "first",
            Opt::Closable => "closable",
        }
    }

    fn usage(self) -> &'static str {
        match self {
            Opt::Boxed => "`boxed`",
            Opt::BoxedLocal => "`boxed_local`",
            Opt::Unboxed => "`unboxed`",
            Opt::First => "`first = name`",
            Opt::Closable => "`closable` (with `boxed` or `boxed_local`)",
        }
    }
}

/// The options given.
pub(crate) struct Options {
    pub(crate) boxing: Boxing,
    /// The option that chose `boxing`, for errors about it.
    pub(crate) boxing_option: Option<Ident>,
    /// `#[generator(unboxed)]`: the `!Unpin` generator itself, no allocation.
    pub(crate) unboxed: bool,
    /// `#[async_gen(boxed, closable)]`: the trait object is a `ClosableStream`.
    pub(crate) closable: Option<Ident>,
    /// `#[coroutine(first = name)]`: the binding of the first resume's value.
    pub(crate) first: Option<Ident>,
    /// `item = T`, another crate's way of giving the item type: reported (yieldkit takes
    /// it from the return type), and used as that if the function has none, so the
    /// mistake is one error.
    pub(crate) item: Option<Type>,
    /// `crate = path`: the path to the runtime, where the user's crate reaches it
    /// through another crate's re-export.
    pub(crate) crate_path: Option<TokenStream>,
}

/// One option as written: `name` or `name = value` (a name, or `item`'s type).
struct Written {
    name: Ident,
    value: Option<Type>,
}

impl Parse for Written {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        // `crate` is a keyword.
        let name = input.call(Ident::parse_any)?;
        let value = if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            if name == "crate" {
                let path = input.call(syn::Path::parse_mod_style).map_err(|err| {
                    syn::Error::new(
                        err.span(),
                        "`crate` takes the path the runtime is reached by: \
                         `crate = ::facade::yieldkit`",
                    )
                })?;
                Some(Type::Path(syn::TypePath { qself: None, path }))
            } else {
                Some(input.parse()?)
            }
        } else {
            None
        };
        Ok(Self { name, value })
    }
}

/// The valid options of `form`, for messages: "`boxed`, `boxed_local` and `unboxed`".
fn valid(form: Form) -> String {
    let names: Vec<&str> = form.options().iter().map(|opt| opt.usage()).collect();
    match names.split_last() {
        None => String::from("none"),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

impl Options {
    /// Input: `boxed` | `boxed_local` | `unboxed` | `first = name`, comma-separated, each
    /// allowed on some forms, at most one way of returning the generator.
    pub(crate) fn parse(attr: TokenStream, form: Form, errors: &mut Errors) -> Self {
        let mut options = Self {
            boxing: Boxing::None,
            boxing_option: None,
            unboxed: false,
            closable: None,
            first: None,
            item: None,
            crate_path: None,
        };
        let attr_name = form.attr();
        let list = match Punctuated::<Written, Token![,]>::parse_terminated.parse2(attr) {
            Ok(list) => list,
            // The `crate` option's own message, from `Written::parse`.
            Err(err) if err.to_string().starts_with("`crate`") => {
                errors.add(err);
                return options;
            }
            Err(err) => {
                errors.at(
                    err.span(),
                    format!("expected the options of `#[{attr_name}]`: {}", valid(form)),
                );
                return options;
            }
        };
        let mut mode: Option<Ident> = None;
        for Written { name, value } in list {
            let key = name.to_string();
            if key == "crate" {
                match value {
                    Some(Type::Path(path)) if path.qself.is_none() => {
                        options.crate_path = Some(path.path.to_token_stream());
                    }
                    _ => errors.at(
                        name.span(),
                        "`crate` takes the path the runtime is reached by: `crate = ::facade::yieldkit`",
                    ),
                }
                continue;
            }
            if form.options().is_empty() {
                errors.at(
                    name.span(),
                    format!("`#[{attr_name}]` takes no options but `crate = path`"),
                );
                continue;
            }
            let opt = Opt::ALL
                .into_iter()
                .find(|opt| opt.name() == key && form.options().contains(opt));
            if let (Some(item), "item", Form::AsyncGen | Form::Generator) =
                (&value, key.as_str(), form)
            {
                errors.at(
                    name.span(),
                    format!(
                        "yieldkit takes the item type from the return type: drop `item = ..` and \
                         write `-> {}` after the arguments",
                        quote::ToTokens::to_token_stream(item)
                    ),
                );
                options.item = value;
                continue;
            }
            let Some(opt) = opt else {
                errors.at(
                    name.span(),
                    format!(
                        "unknown option `{key}` for `#[{attr_name}]`; the valid options are {}",
                        valid(form)
                    ),
                );
                continue;
            };
            let (boxing, unboxed) = match opt {
                Opt::Boxed => (Boxing::Send, false),
                Opt::BoxedLocal => (Boxing::Local, false),
                Opt::Unboxed => (Boxing::None, true),
                Opt::Closable => {
                    if let Some(value) = value {
                        errors.at(value.span(), "`closable` takes no value: write `closable`");
                    } else if options.closable.is_some() {
                        errors.at(name.span(), "`closable` is given twice");
                    }
                    options.closable = Some(name);
                    continue;
                }
                Opt::First => {
                    match (value, &options.first) {
                        (None, _) => errors.at(
                            name.span(),
                            "`first` names the binding of the first resume value: write `first = name`",
                        ),
                        (Some(_), Some(_)) => errors.at(name.span(), "`first` is given twice"),
                        (Some(value), None) => match value {
                            Type::Path(path) if path.qself.is_none() => {
                                match path.path.get_ident() {
                                    Some(ident) => options.first = Some(ident.clone()),
                                    None => errors.at(
                                        path.span(),
                                        "`first` takes a name for the binding: `first = name`",
                                    ),
                                }
                            }
                            other => errors.at(
                                other.span(),
                                "`first` takes a name for the binding: `first = name`",
                            ),
                        },
                    }
                    continue;
                }
            };
            if let Some(value) = value {
                errors.at(
                    value.span(),
                    format!("`{key}` takes no value: write `{key}`"),
                );
            }
            if let Some(previous) = &mode {
                errors.at(
                    name.span(),
                    format!("`{name}` conflicts with `{previous}`: give at most one of them"),
                );
                continue;
            }
            options.boxing = boxing;
            options.unboxed = unboxed;
            mode = Some(name);
        }
        options.boxing_option = mode;
        if let (Some(closable), Boxing::None) = (&options.closable, options.boxing) {
            errors.at(
                closable.span(),
                "`closable` goes with `boxed` or `boxed_local`: write `#[async_gen(boxed, \
                 closable)]`; an unboxed async generator can be closed already (`aclose()`)",
            );
        }
        options
    }
}
