//! The profile: its [`schema`] (the one table of sections and keys that the parser, did-you-mean,
//! the JSON Schema, the starter profiles and the README read), the [`raw`] fields as written, and
//! the [`valid`] profile that only the rules can build.

pub mod raw;
pub mod schema;
pub mod valid;

pub use raw::{CustomField, CustomValue, Field, FieldValue, RawProfile, TextEntry};
pub use valid::{ClickTrigger, HideIcon, Loader, Login, LoginFields, LoginInfo, ValidProfile};
