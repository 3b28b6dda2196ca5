//! Examples of yieldkit: see the `[[example]]` targets.
