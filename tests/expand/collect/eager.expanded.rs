use std::collections::HashMap;
fn main() {
    let xs = ::alloc::boxed::box_assume_init_into_vec_unsafe(
        ::alloc::intrinsics::write_box_via_move(
            ::alloc::boxed::Box::new_uninit(),
            [1u32, 2, 3, 4],
        ),
    );
    let _: Vec<u32> = {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        {
            let mut __yieldkit_out = __yieldkit_private::Vec::new();
            for x in &xs {
                if x % 2 == 0 {
                    __yieldkit_out.push(x * x);
                }
            }
            __yieldkit_private::from_vec(__yieldkit_out)
        }
    };
    let _: HashMap<u32, u32> = {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        {
            let mut __yieldkit_out = __yieldkit_private::Vec::new();
            for &x in &xs {
                let y = x + 1;
                if y > 2 {
                    __yieldkit_out.push((x, x * 10));
                }
            }
            __yieldkit_private::from_vec(__yieldkit_out)
        }
    };
}
