//! Examples of agen: see the `[[example]]` targets.
