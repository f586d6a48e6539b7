//! Reading: bytes from a file or standard input into a [`source::Source`] (size cap, UTF-8, format),
//! then into a format-neutral [`document`] tree whose every value keeps its byte span.

pub mod document;
pub mod source;
