// Token capture: a user macro is given the rewritten tokens of a yield, picks the
// hidden handle out with `tt` patterns and returns it; the body then tries to keep it
// past the generator (here in a thread-local). The handle's lifetime is a borrow of a
// local of the body, so this is a borrow error in every form.
use std::any::Any;
use std::cell::RefCell;

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

thread_local! {
    static STOLEN: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

fn keep<T: 'static>(value: T) {
    STOLEN.with(|stolen| stolen.borrow_mut().push(Box::new(value)));
}

#[yieldkit::async_gen]
async fn async_generator() -> String {
    keep(grab!(yield_!(String::new())));
}

#[yieldkit::generator]
fn generator() -> String {
    keep(grab!(yield_!(String::new())));
}

#[yieldkit::coroutine]
fn coroutine() -> impl yieldkit::Coroutine<(), Yield = String, Return = ()> {
    keep(grab!(yield_!(String::new())));
}

fn block_forms() {
    let _ = yieldkit::stream! {
        type Item = String;
        keep(grab!(yield String::new()));
    };
    let _ = yieldkit::iter! {
        type Item = String;
        keep(grab!(yield String::new()));
    };
}

fn main() {
    let _ = (async_generator(), generator(), coroutine(), block_forms());
}
