//! Value checkers with no knowledge of profiles: each takes a string and says what it is, or why it
//! is not. The rules turn their answers into diagnostics.

pub mod email;
pub mod language;
pub mod number;
pub mod path;
pub mod phone;
pub mod selector;
pub mod url;
