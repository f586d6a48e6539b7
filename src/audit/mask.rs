//! Server template syntax inside a page, masked before the JavaScript parser reads it. A template
//! expression is no JavaScript (`{{ name }}`, `<?= $name ?>`, `<%= name %>`), so each is replaced
//! by an identifier of the same byte length (line breaks kept): positions stay the same, inside a
//! string it stays a string, and in code it parses as a name. Each one is remembered, with its
//! engine, so that SSQ506 can point at it.

use crate::input::source::Span;

/// A template language, by how its expressions open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Php,
    Blade,
    Erb,
    Ejs,
    Liquid,
    Twig,
    Jinja2,
    Django,
    Handlebars,
    /// `{{ … }}` in a file whose name says no engine (`.html`): Jinja2, Django, Go, Angular…
    Braces,
}

impl Engine {
    /// The engine a file is written for, by its name.
    pub fn of(path: &str) -> Option<Engine> {
        let name = path.to_ascii_lowercase();
        let ends = |suffixes: &[&str]| suffixes.iter().any(|suffix| name.ends_with(suffix));
        Some(match () {
            _ if ends(&[".blade.php"]) => Engine::Blade,
            _ if ends(&[".php", ".phtml"]) => Engine::Php,
            _ if ends(&[".erb"]) => Engine::Erb,
            _ if ends(&[".ejs"]) => Engine::Ejs,
            _ if ends(&[".liquid"]) => Engine::Liquid,
            _ if ends(&[".twig"]) => Engine::Twig,
            _ if ends(&[".j2", ".jinja", ".jinja2"]) => Engine::Jinja2,
            _ if ends(&[".djhtml"]) => Engine::Django,
            _ if ends(&[".hbs", ".handlebars"]) => Engine::Handlebars,
            _ if ends(&[".html", ".htm"]) => Engine::Braces,
            _ => return None,
        })
    }

    /// `ssq-gen login-data`'s engine that writes the visitor for this one, if there is one.
    pub fn login_data(self) -> Option<&'static str> {
        match self {
            Engine::Php => Some("php"),
            Engine::Blade => Some("blade"),
            Engine::Erb => Some("rails"),
            Engine::Ejs => Some("ejs"),
            Engine::Liquid => Some("liquid"),
            Engine::Twig => Some("twig"),
            Engine::Jinja2 => Some("jinja2"),
            Engine::Django => Some("django"),
            Engine::Handlebars => Some("handlebars"),
            Engine::Braces => None,
        }
    }

    /// How its value-writing tag is called in a message.
    pub fn output_tag(self) -> &'static str {
        match self {
            Engine::Php => "a PHP echo",
            Engine::Erb => "an ERB output tag",
            Engine::Ejs => "an EJS output tag",
            Engine::Braces => "a template's output tag",
            Engine::Blade => "a Blade echo",
            Engine::Liquid => "a Liquid output tag",
            Engine::Twig => "a Twig output tag",
            Engine::Jinja2 => "a Jinja2 expression",
            Engine::Django => "a Django variable",
            Engine::Handlebars => "a Handlebars expression",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Php => "PHP",
            Engine::Blade => "Blade",
            Engine::Erb => "ERB",
            Engine::Ejs => "EJS",
            Engine::Liquid => "Liquid",
            Engine::Twig => "Twig",
            Engine::Jinja2 => "Jinja2",
            Engine::Django => "Django",
            Engine::Handlebars => "Handlebars",
            Engine::Braces => "template",
        }
    }
}

/// One masked tag: where it was, its engine, and whether it writes a value into the page (`{{ x }}`,
/// `<?= $x ?>`, `<%= x %>`, `<?php echo $x ?>`) rather than only deciding what is written
/// (`{% if %}`, `<% end %>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Masked {
    pub span: Span,
    pub engine: Engine,
    pub outputs: bool,
}

/// Whether a tag, as written, writes a value.
fn outputs(tag: &str) -> bool {
    let php = tag.strip_prefix("<?php").map(|code| code.trim_start().to_ascii_lowercase());
    match php {
        Some(code) => code.starts_with("echo") || code.starts_with("print"),
        None => ["{{", "{!!", "<?=", "<%=", "<%-"].iter().any(|open| tag.starts_with(open)) && !tag.starts_with("{{--"),
    }
}

/// The delimiters of each engine's tags: expressions and statements alike are no JavaScript.
fn delimiters(engine: Engine) -> &'static [(&'static str, &'static str)] {
    match engine {
        Engine::Php => &[("<?php", "?>"), ("<?=", "?>")],
        Engine::Blade => &[("{{--", "--}}"), ("{!!", "!!}"), ("{{", "}}"), ("<?php", "?>")],
        Engine::Erb | Engine::Ejs => &[("<%", "%>")],
        Engine::Handlebars => &[("{{{", "}}}"), ("{{", "}}")],
        Engine::Liquid | Engine::Twig | Engine::Jinja2 | Engine::Django | Engine::Braces => {
            &[("{{", "}}"), ("{%", "%}"), ("{#", "#}")]
        }
    }
}

/// `text` with every template tag of `engine` masked, and the tags. An unterminated tag runs to
/// the end of the text, as the engine would refuse it anyway.
pub fn mask(text: &str, engine: Engine) -> (String, Vec<Masked>) {
    let mut bytes = text.as_bytes().to_vec();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &text.as_bytes()[at..];
        // Blade's directives (`@auth`, `@if (…)`), first on their line: statements, no JavaScript.
        if engine == Engine::Blade
            && rest.first() == Some(&b'@')
            && rest.get(1).is_some_and(u8::is_ascii_alphabetic)
            && text[..at].rsplit('\n').next().is_some_and(|line| line.trim().is_empty())
        {
            let end = at + directive_length(rest);
            for byte in &mut bytes[at..end] {
                if !matches!(*byte, b'\n' | b'\r') {
                    *byte = b'_';
                }
            }
            found.push(Masked { span: at..end, engine, outputs: false });
            at = end;
            continue;
        }
        let Some((open, close)) = delimiters(engine).iter().find(|(open, _)| rest.starts_with(open.as_bytes())) else {
            at += 1;
            continue;
        };
        let end = memchr::memmem::find(&rest[open.len()..], close.as_bytes())
            .map_or(text.len(), |n| at + open.len() + n + close.len());
        for byte in &mut bytes[at..end] {
            if !matches!(*byte, b'\n' | b'\r') {
                *byte = b'_';
            }
        }
        found.push(Masked { span: at..end, engine, outputs: outputs(&text[at..end]) });
        at = end;
    }
    // Only ASCII bytes were replaced, each whole character by underscores: still UTF-8.
    (String::from_utf8(bytes).unwrap_or_default(), found)
}

/// A Blade directive's length: `@name`, and its parenthesized arguments when they follow.
fn directive_length(rest: &[u8]) -> usize {
    let name = 1 + rest[1..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
    let spaces = rest[name..].iter().take_while(|b| **b == b' ').count();
    if rest.get(name + spaces) != Some(&b'(') {
        return name;
    }
    let mut depth = 0;
    for (i, byte) in rest.iter().enumerate().skip(name + spaces) {
        match byte {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_become_names_of_the_same_length() {
        let text = "var n = \"{{ user.name }}\"; var k = {% if x %}1{% endif %};\nvar é = <?= $a ?>;";
        let (masked, found) = mask(text, Engine::Twig);
        assert_eq!(masked.len(), text.len());
        assert_eq!(&masked[..26], "var n = \"_______________\";");
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(masked.contains("<?= $a ?>"), "PHP is not Twig's");
        let (masked, found) = mask("a <?php echo\n$x; ?> b <?= $y", Engine::Php);
        assert_eq!(masked, "a __________\n______ b ______");
        assert_eq!(found[1].span, 22..28, "unterminated: to the end");
        assert!(found[0].outputs && found[1].outputs, "`<?php echo` and `<?=` write values");
        let (_, found) = mask("{% if a %}{{ a }}{% endif %}<% if x %><%= x %><%- y %>", Engine::Erb);
        assert_eq!(found.iter().map(|tag| tag.outputs).collect::<Vec<_>>(), [false, true, true]);
        let (_, found) = mask("{% if a %}{{ a }}{# c #}", Engine::Liquid);
        assert_eq!(found.iter().map(|tag| tag.outputs).collect::<Vec<_>>(), [false, true, false]);
    }

    #[test]
    fn blade_directives_first_on_their_line_are_statements() {
        let text = "  @auth\n  x = \"a@b.com\"; @if (count($a) > 1) y @endif\n@foreach ($xs as $x)\n{{ $x }}";
        let (masked, found) = mask(text, Engine::Blade);
        assert!(masked.starts_with("  _____\n  x = \"a@b.com\"; @if"), "{masked}");
        assert!(masked.contains("\n____________________\n"), "{masked}");
        assert_eq!(found.iter().map(|tag| tag.outputs).collect::<Vec<_>>(), [false, false, true]);
    }

    #[test]
    fn names_say_the_engine() {
        assert_eq!(Engine::of("views/layouts/app.blade.php"), Some(Engine::Blade));
        assert_eq!(Engine::of("header.PHP"), Some(Engine::Php));
        assert_eq!(Engine::of("theme.liquid"), Some(Engine::Liquid));
        assert_eq!(Engine::of("app.tsx"), None);
    }
}
