// The attack: point `::yieldkit` at this crate, give `__private::Brand::new` a `'static`
// borrow, capture the handle from a rewritten yield, keep it in a thread-local. The
// expansion never calls the look-alike: the handle is still bounded by the body.
#![forbid(unsafe_code)]

extern crate self as yieldkit;

pub mod __private {
    pub use real_yieldkit::__private::*;

    pub struct Brand;

    impl Brand {
        pub fn new() -> &'static real_yieldkit::Brand {
            static BRAND: real_yieldkit::Brand = real_yieldkit::Brand::new();
            &BRAND
        }
    }
}

use std::cell::RefCell;

thread_local! {
    static STOLEN: RefCell<Option<real_yieldkit::Yielder<'static, String>>> = const { RefCell::new(None) };
}

macro_rules! grab {
    ((match $value:tt { $bound:ident => { if false $guard:tt let $($typed:tt)* } })) => {
        grab!(@typed $($typed)*)
    };
    ((match $value:tt { $bound:ident => { if false $guard:tt $handle:ident . $($rest:tt)* } })) => {
        $handle
    };
    (@typed $bound:ident : $item:ty = $moved:ident ; $handle:ident . $($rest:tt)*) => {
        $handle
    };
}

#[real_yieldkit::async_gen(crate = ::yieldkit)]
async fn victim() -> String {
    let handle = grab!(yield_!(String::new()));
    STOLEN.with(|stolen| *stolen.borrow_mut() = Some(handle));
}

fn main() {
    let _ = victim();
}
