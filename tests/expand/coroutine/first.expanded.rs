use yieldkit::Coroutine;
fn total() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    ::yieldkit::__private::Co::<
        u32,
        u32,
        _,
        _,
    >::new(move |token: ::yieldkit::__private::CoYieldToken<u32, u32>, first: u32| {
        async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe {
                ::yieldkit::__private::CoYielder::new(token, &brand)
            };
            #[allow(unused_labels)]
            let returned: u32 = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    let mut sum = first;
                    loop {
                        let x = (match (sum) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body __yieldkit_private::dead();
                                    }
                                }
                                let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        });
                        if x == 0 {
                            (break 'a_yield_must_be_directly_in_the_generator_body sum);
                        }
                        sum += x;
                    }
                }
            };
            returned
        }
    })
}
fn main() {}
