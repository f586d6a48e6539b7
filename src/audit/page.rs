//! A page's scripts, in document order, read with html5gum (a WHATWG HTML tokenizer): each
//! `<script>` element's `src`, whether it blocks the parser, and its text; and the event handler
//! attributes (`onclick`, Vue's `@click`), whose code runs later.

use crate::input::source::Span;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// JavaScript in a page.
#[derive(Debug, PartialEq, Eq)]
pub enum Code {
    /// A `<script>` element: its `src` (and where it is written), whether it blocks the parser,
    /// and its text's span (an element with a `src` has none that runs).
    Script { src: Option<(String, Span)>, blocking: bool, body: Span, typescript: bool },
    /// An event handler attribute's value: it runs on the event, after the page's scripts.
    /// `click`: it is an `onclick` (or `@click`); `selector`: `#id`, when the element has a plain id.
    Handler { body: Span, click: bool, selector: Option<String> },
}

impl Code {
    /// Where its JavaScript is written in the page.
    pub fn body(&self) -> &Span {
        match self {
            Code::Script { body, .. } | Code::Handler { body, .. } => body,
        }
    }
}

/// The JavaScript of `page` (masked of template tags), in document order. Scripts that are not
/// JavaScript (`type="application/json"`, templates) are left out.
pub fn code(page: &str) -> Vec<Code> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style and textarea contents as the tree builder would switch to them.
    emitter.naively_switch_states(true);
    let mut found = Vec::new();
    // A script element whose end tag is still to come: its body ends there.
    let mut open: Option<Code> = None;
    for token in Tokenizer::new_with_emitter(page, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let attribute = |name: &str| tag.attributes.get(name.as_bytes());
                let text = |value: &html5gum::Spanned<html5gum::HtmlString, usize>| {
                    String::from_utf8_lossy(&value.value).into_owned()
                };
                let plain = |id: &str| {
                    let mut chars = id.chars();
                    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                };
                let selector = attribute("id").map(text).filter(|id| plain(id)).map(|id| format!("#{id}"));
                for (name, value) in &tag.attributes {
                    let name = name.as_slice();
                    let handler = (name.starts_with(b"on") && name.len() > 2)
                        || name.starts_with(b"@")
                        || name.starts_with(b"v-on:");
                    let click = matches!(name, b"onclick" | b"@click" | b"v-on:click");
                    if handler && let Some(body) = value_span(page, value.span.start..value.span.end) {
                        found.push(Code::Handler { body, click, selector: selector.clone() });
                    }
                }
                if tag.name.as_slice() == b"script" && !tag.self_closing {
                    let kind = attribute("type").map(|t| text(t).trim().to_ascii_lowercase()).unwrap_or_default();
                    let javascript =
                        matches!(kind.as_str(), "" | "module" | "text/javascript" | "application/javascript")
                            || kind.ends_with("/babel");
                    if javascript {
                        let src = attribute("src").map(|s| {
                            let at = value_span(page, s.span.start..s.span.end).unwrap_or(s.span.start..s.span.end);
                            (text(s), at)
                        });
                        let deferred = attribute("async").is_some() || attribute("defer").is_some() || kind == "module";
                        let typescript = attribute("lang").is_some_and(|l| matches!(text(l).as_str(), "ts" | "tsx"));
                        let body = tag.span.end..tag.span.end;
                        open = Some(Code::Script { src, blocking: !deferred, body, typescript });
                    }
                }
            }
            Token::EndTag(tag) if tag.name.as_slice() == b"script" => {
                if let Some(Code::Script { src, blocking, body, typescript }) = open.take() {
                    let body = body.start..tag.span.start.max(body.start);
                    found.push(Code::Script { src, blocking, body, typescript });
                }
            }
            _ => {}
        }
    }
    found
}

/// The value's span within an attribute's (`name="value"`), quotes left out.
fn value_span(page: &str, attribute: Span) -> Option<Span> {
    let text = page.get(attribute.clone())?;
    let equals = text.find('=')?;
    let value = text[equals + 1..].trim_start();
    let start = attribute.end - value.len();
    match value.chars().next() {
        Some(quote @ ('"' | '\'')) if value.len() >= 2 && value.ends_with(quote) => Some(start + 1..attribute.end - 1),
        Some(quote @ ('"' | '\'')) => Some(start + quote.len_utf8()..attribute.end),
        _ => Some(start..attribute.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_in_order() {
        let page = r#"<html><head>
<script src="https://plugin-code.salesmartly.com/js/project_1_2_3.js"></script>
<script async src='/a.js'></script>
<script type="application/json" id="data">{"a": "</div>"}</script>
</head><body><button onclick="ssq.push(['chatOpen'])">Chat</button>
<script>if (a < b) { ssq.push(["chatClose"]); } // </div></script>
</body></html>"#;
        let code = code(page);
        assert_eq!(code.len(), 4, "{code:?}");
        let Code::Script { src: Some((src, at)), blocking: true, .. } = &code[0] else { panic!("{code:?}") };
        assert_eq!(&page[at.clone()], src);
        assert!(matches!(&code[1], Code::Script { blocking: false, .. }));
        let Code::Handler { body, click: true, selector: None } = &code[2] else { panic!() };
        assert_eq!(&page[body.clone()], "ssq.push(['chatOpen'])");
        let Code::Script { body, .. } = &code[3] else { panic!() };
        assert_eq!(&page[body.clone()], "if (a < b) { ssq.push([\"chatClose\"]); } // </div>");
    }
}
