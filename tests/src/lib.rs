//! Tests of agen live in `tests/` and `ui/`.
