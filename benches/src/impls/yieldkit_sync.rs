//! yieldkit's sync generators for S1 / S3: `#[generator]` (boxed, the default),
//! `#[generator(unboxed)]` (pinned on the stack by the harness) and `iter!`.

pub mod boxed {
    use yieldkit::generator;

    #[generator]
    pub fn s1<const M: u8>(n: u64) -> u64 {
        for i in 0..n {
            yield_!(i);
        }
    }

    #[generator]
    pub fn s3<const M: u8>(rows: u64) -> u64 {
        for i in 0..rows {
            for j in 0..1000 {
                if (i ^ j) & 1 == 0 {
                    yield_!(i * j);
                }
            }
        }
    }
}

pub mod unboxed {
    use yieldkit::generator;

    #[generator(unboxed)]
    pub fn s1<const M: u8>(n: u64) -> u64 {
        for i in 0..n {
            yield_!(i);
        }
    }

    #[generator(unboxed)]
    pub fn s3<const M: u8>(rows: u64) -> u64 {
        for i in 0..rows {
            for j in 0..1000 {
                if (i ^ j) & 1 == 0 {
                    yield_!(i * j);
                }
            }
        }
    }
}

pub mod block {
    pub fn s1<const M: u8>(n: u64) -> impl Iterator<Item = u64> {
        yieldkit::iter! {
            for i in 0..n {
                yield i;
            }
        }
    }

    pub fn s3<const M: u8>(rows: u64) -> impl Iterator<Item = u64> {
        yieldkit::iter! {
            for i in 0..rows {
                for j in 0..1000 {
                    if (i ^ j) & 1 == 0 {
                        yield i * j;
                    }
                }
            }
        }
    }
}
