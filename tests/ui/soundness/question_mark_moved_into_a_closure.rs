// `?` uses the handle too: passed through a macro into a closure or `async` block, it
// is rejected like a yield is (the closure would hold the handle, or the error would
// be written from the closure and then lost).
macro_rules! in_move_closure {
    ($e:expr) => {
        move || $e
    };
}

macro_rules! in_closure_called_at_once {
    ($e:expr) => {
        (|| $e)()
    };
}

macro_rules! in_async_block {
    ($e:expr) => {
        async move { $e }
    };
}

#[yieldkit::async_gen]
async fn f(input: &'static str) -> Result<u32, std::num::ParseIntError> {
    let parse = in_move_closure!(input.parse::<u32>()?);
    let n = in_closure_called_at_once!(input.parse::<u32>()?);
    let later = in_async_block!(input.parse::<u32>()?);
    let _ = (parse, n, later);
}

fn main() {
    let _ = f("1");
}
