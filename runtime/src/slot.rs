//! The one-value slot a yield writes into and the generator reads out of.

use core::cell::UnsafeCell;
use core::mem::MaybeUninit;

use crate::body::Lifecycle;
use crate::close::Cleanup;

/// A cell holding at most one value, with no reference into it ever handed out.
///
/// Like `Cell<Option<T>>`, but the flag and the value are separate, so the hot path is
/// one flag write and one value write. The generator owns the slot; the body's handle
/// (see `handle.rs`) reaches it through a raw pointer, and the two never use it at the
/// same time: the handle only while the generator polls or drops the body, the
/// generator only between those calls.
pub(crate) struct Slot<T> {
    /// `value` is initialised and has not been taken.
    full: UnsafeCell<bool>,
    value: UnsafeCell<MaybeUninit<T>>,
    /// The state of the body that yields into this slot, kept here because it fits in
    /// the padding beside `full` (see `body.rs`). The slot itself never touches it, and
    /// neither does the handle.
    pub(crate) lifecycle: Lifecycle,
    /// The close protocol's two bytes (see `close.rs`), in the same padding for the same
    /// reason; the handle and the close reach them, the slot itself does not.
    pub(crate) cleanup: Cleanup,
}

impl<T> Slot<T> {
    pub(crate) const fn new() -> Self {
        Self {
            full: UnsafeCell::new(false),
            value: UnsafeCell::new(MaybeUninit::uninit()),
            lifecycle: Lifecycle::new(),
            cleanup: Cleanup::new(),
        }
    }

    /// Stores `value`, dropping a value that was never taken (the value of a yield
    /// whose future was dropped before the generator handed it out).
    #[inline(always)]
    pub(crate) fn put(&self, value: T) {
        let (full, slot) = (self.full.get(), self.value.get());
        // SAFETY: `Slot` is `!Sync` and no reference into it is ever handed out, so no
        // other access to `full` and `value` is live while this function runs (the
        // argument that makes `Cell` sound). `full` says whether `value` is initialised.
        unsafe {
            // (An untaken value without drop glue is simply overwritten.)
            if core::mem::needs_drop::<T>() && *full {
                // Empty first: a panicking drop must not leave the value to be dropped
                // again.
                *full = false;
                drop_untaken(&mut *slot);
            }
            *slot = MaybeUninit::new(value);
            *full = true;
        }
    }

    /// Takes the value out, if there is one.
    #[inline(always)]
    pub(crate) fn take(&self) -> Option<T> {
        let (full, slot) = (self.full.get(), self.value.get());
        // SAFETY: as in `put`.
        unsafe {
            if *full {
                *full = false;
                Some((*slot).assume_init_read())
            } else {
                None
            }
        }
    }
}

#[cold]
#[inline(never)]
fn drop_untaken<T>(value: &mut MaybeUninit<T>) {
    // SAFETY: the caller saw `full`, so `value` is initialised, and has cleared `full`,
    // so it is never read or dropped again.
    unsafe { value.assume_init_drop() }
}

impl<T> Drop for Slot<T> {
    fn drop(&mut self) {
        drop(self.take());
    }
}
