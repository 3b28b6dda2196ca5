//! Tests of yieldkit live in `tests/` and `ui/`.
