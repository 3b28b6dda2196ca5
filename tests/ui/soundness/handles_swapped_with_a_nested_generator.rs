// Swap: with `&mut` access to the handles of an outer generator and of a `stream!`
// inside its body, `mem::swap` them, drop the inner stream, yield from the outer one.
// The two handles are branded with different body locals: different types.
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

#[yieldkit::async_gen]
async fn outer() -> String {
    let mut outer_handle = grab!(yield_!(String::new()));
    let outer_ref = &mut outer_handle;
    let inner = yieldkit::stream! {
        let mut inner_handle = grab!(yield String::new());
        core::mem::swap(outer_ref, &mut inner_handle);
    };
    drop(inner);
    let _ = outer_handle.yield_(String::from("into a freed slot"));
}

fn main() {
    let _ = outer();
}
