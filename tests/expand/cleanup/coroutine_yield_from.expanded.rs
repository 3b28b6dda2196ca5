#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
// A coroutine delegating inside a `defer!`'s scope: the delegation is a region that
// closes the sub-coroutine when a close leaves from its yield.
fn outer(
    log: &std::cell::Cell<u32>,
) -> impl yieldkit::Coroutine<(), Yield = u32, Return = u32> + '_ {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;

    ::yieldkit::__private::Co::<u32, (), _, _>::new(
        move |token: ::yieldkit::__private::CoYieldToken<u32, ()>, first_resume: ()| async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::yieldkit::__private::CoYielder::new(token, &brand) };
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let log = log;
            <() as __yieldkit_private::UnnamedFirstResume>::discard(first_resume);
            #[allow(unused_labels)]
            let returned: u32 = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    yielder.enter_cleanup();
                    let __yieldkit_flow = '__yieldkit_region_1: {
                        let __yieldkit_value = {
                            ({
                                let sub = yielder.delegate_to(inner());
                                let mut sub = {
                                    super let mut pinned = sub;
                                    unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                                };
                                let mut sent =
                                    sub.first(__yieldkit_private::DelegateWithoutFirst::first());
                                {
                                    let __yieldkit_flow = '__yieldkit_region_2: {
                                        let __yieldkit_value = loop {
                                            match <_ as __yieldkit_private::Coroutine<()>>::resume(
                                                sub.as_mut().sub(),
                                                sent,
                                            ) {
                                                __yieldkit_private::CoroutineState::Yielded(
                                                    value,
                                                ) => {
                                                    sent = match (value) {
                                                        __yieldkit_yielded => {
                                                            if false {
                                                                loop {
                                                                    break 'a_yield_must_be_directly_in_the_generator_body
                                                                                                            __yieldkit_private::dead();
                                                                }
                                                            }
                                                            let __yieldkit_yielded: u32 =
                                                                __yieldkit_yielded;
                                                            match yielder.yield_closable(__yieldkit_yielded).await {
                                                                                                    __yieldkit_private::core::option::Option::Some(__yieldkit_sent)
                                                                                                        => __yieldkit_sent,
                                                                                                    __yieldkit_private::core::option::Option::None => {
                                                                                                        break '__yieldkit_region_2
                                                                                                            __yieldkit_private::core::ops::ControlFlow::Break(0)
                                                                                                    }
                                                                                                }
                                                        }
                                                    }
                                                }
                                                __yieldkit_private::CoroutineState::Complete(
                                                    value,
                                                ) => break value,
                                            }
                                        };

                                        #[allow(unreachable_code)]
                                                                    break '__yieldkit_region_2
                                                                        __yieldkit_private::core::ops::ControlFlow::<u8,
                                                                                _>::Continue(__yieldkit_value);
                                    };
                                    if true {
                                        <_ as __yieldkit_private::Coroutine<()>>::close(
                                            sub.as_mut().sub(),
                                        );
                                    }
                                    match __yieldkit_flow {
                                                                __yieldkit_private::core::ops::ControlFlow::Continue(__yieldkit_value)
                                                                    => __yieldkit_value,
                                                                __yieldkit_private::core::ops::ControlFlow::Break(0) => {
                                                                    break '__yieldkit_region_1
                                                                        __yieldkit_private::core::ops::ControlFlow::Break(0)
                                                                }
                                                                __yieldkit_private::core::ops::ControlFlow::Break(_) =>
                                                                    __yieldkit_private::dead(),
                                                            }
                                }
                            })
                        };

                        #[allow(unreachable_code)]
                        break '__yieldkit_region_1 __yieldkit_private::core::ops::ControlFlow::<
                            u8,
                            _,
                        >::Continue(
                            __yieldkit_value
                        );
                    };
                    yielder.leave_cleanup();
                    if true {
                        log.set(1);
                    }
                    match __yieldkit_flow {
                        __yieldkit_private::core::ops::ControlFlow::Continue(__yieldkit_value) => {
                            __yieldkit_value
                        }
                        __yieldkit_private::core::ops::ControlFlow::Break(0) => {
                            match yielder.park().await {}
                        }
                        __yieldkit_private::core::ops::ControlFlow::Break(_) => {
                            __yieldkit_private::dead()
                        }
                    }
                }
            };
            returned
        },
    )
}
fn inner() -> impl yieldkit::Coroutine<(), Yield = u32, Return = u32> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    ::yieldkit::__private::Co::<u32, (), _, _>::new(
        move |token: ::yieldkit::__private::CoYieldToken<u32, ()>, first_resume: ()| async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::yieldkit::__private::CoYielder::new(token, &brand) };
            <() as __yieldkit_private::UnnamedFirstResume>::discard(first_resume);
            #[allow(unused_labels)]
            let returned: u32 = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    {
                        match (1) {
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
                    };
                    2
                }
            };
            returned
        },
    )
}
fn main() {}
