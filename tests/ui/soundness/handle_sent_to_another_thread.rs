// Threads: a captured handle moved to a thread (or a task) that outlives the poll
// would race with the generator on the slot. The handle is not `'static`.
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
async fn to_a_thread() -> u32 {
    let mut handle = grab!(yield_!(0));
    std::thread::spawn(move || {
        let _ = handle.yield_(1);
    });
}

#[yieldkit::async_gen]
async fn to_a_task() -> u32 {
    let mut handle = grab!(yield_!(0));
    tokio::spawn(async move {
        handle.yield_(1).await;
    });
}

fn main() {
    let _ = (to_a_thread(), to_a_task());
}
