#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use yieldkit::AsyncCoroutine;

fn echo() -> impl AsyncCoroutine<Option<u32>, Yield = u32, Return = usize> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;

    ::yieldkit::__private::AsyncCo::<u32, Option<u32>, _, _>::new(
        move |token: ::yieldkit::__private::CoYieldToken<u32, Option<u32>>, first: Option<u32>| async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::yieldkit::__private::CoYielder::new(token, &brand) };
            #[allow(unused_labels)]
            let returned: usize = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    let mut n = 0;
                    let mut next = first;
                    while let Some(x) = next {
                        n += 1;
                        next = (match (x) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body
                                                                __yieldkit_private::dead();
                                    }
                                }
                                let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        });
                    }
                    n
                }
            };
            returned
        },
    )
}
fn delegating() -> impl AsyncCoroutine<Option<u32>, Yield = u32, Return = usize> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    ::yieldkit::__private::AsyncCo::<u32, Option<u32>, _, _>::new(
        move |token: ::yieldkit::__private::CoYieldToken<u32, Option<u32>>, first: Option<u32>| async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::yieldkit::__private::CoYielder::new(token, &brand) };
            #[allow(unused_labels)]
            let returned: usize = 'a_yield_must_be_directly_in_the_generator_body: {
                ({
                    let sub = yielder.delegate_to(echo());
                    let mut sub = {
                        super let mut pinned = sub;
                        unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                    };
                    let mut sent = sub.first(first);
                    loop {
                        match <_ as __yieldkit_private::AsyncCoroutine<Option<u32>>>::resume(
                            sub.as_mut().sub(),
                            sent,
                        )
                        .await
                        {
                            __yieldkit_private::CoroutineState::Yielded(value) => {
                                sent = match (value) {
                                    __yieldkit_yielded => {
                                        if false {
                                            loop {
                                                break 'a_yield_must_be_directly_in_the_generator_body
                                                                        __yieldkit_private::dead();
                                            }
                                        }
                                        let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                        yielder.yield_(__yieldkit_yielded).await
                                    }
                                }
                            }
                            __yieldkit_private::CoroutineState::Complete(value) => break value,
                        }
                    }
                })
            };
            returned
        },
    )
}
fn main() {}
