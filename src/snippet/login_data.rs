//! `ssq-gen login-data ENGINE`: the fragment a site's own template engine renders once per page,
//! writing that page view's visitor (the variable `ssq_login`) where a `from_page` block reads it.
//!
//! Each engine's fragment uses what is safe under that engine's real escaping rules: JSON as the
//! raw text of `<script type="application/json">` only through an encoder that escapes `<`, `>` and
//! `&` (so no `</script>` or `<!--` can form); otherwise JSON in an attribute, under the engine's
//! HTML-attribute escaping, which the browser decodes; or, for Liquid, which has no JSON filter, one
//! escaped attribute per value. The fragments live in `templates/login-data/` and are proven in each
//! engine's real runtime and in Chromium (tests/cli/login_data.rs).

/// A template engine `login-data` writes for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Engine {
    /// The name on the command line.
    pub name: &'static str,
    /// What it fits, for `--help` and the README.
    pub fits: &'static str,
    /// How the fragment reads the visitor.
    pub variable: &'static str,
    pub fragment: &'static str,
}

pub static ENGINES: &[Engine] = &[
    Engine {
        name: "django",
        fits: "Django templates",
        variable: "`ssq_login` in the context: a dict, or `None`",
        fragment: include_str!("../../templates/login-data/django.html"),
    },
    Engine {
        name: "jinja2",
        fits: "Jinja2, e.g. Flask (autoescape on)",
        variable: "`ssq_login` in the context: a dict, or `None`",
        fragment: include_str!("../../templates/login-data/jinja2.html"),
    },
    Engine {
        name: "rails",
        fits: "ERB in ActionView (Rails)",
        variable: "`@ssq_login`, set in the controller: a Hash with string keys, or `nil`",
        fragment: include_str!("../../templates/login-data/rails.html.erb"),
    },
    Engine {
        name: "twig",
        fits: "Twig (Symfony)",
        variable: "`ssq_login`: a mapping, or `null`",
        fragment: include_str!("../../templates/login-data/twig.html.twig"),
    },
    Engine {
        name: "blade",
        fits: "Blade (Laravel)",
        variable: "`$ssq_login`: an array, or `null`",
        fragment: include_str!("../../templates/login-data/blade.blade.php"),
    },
    Engine {
        name: "liquid",
        fits: "Liquid: Shopify themes, Jekyll (filters of the open-source liquid gem only)",
        variable: "`ssq_login`: a hash with string keys, or `nil`",
        fragment: include_str!("../../templates/login-data/liquid.liquid"),
    },
    Engine {
        name: "go",
        fits: "Go's html/template",
        variable: "the data's key `ssq_login`: a `map[string]any`, or `nil`",
        fragment: include_str!("../../templates/login-data/go.tmpl"),
    },
    Engine {
        name: "handlebars",
        fits: "Handlebars (with the one-line helper the fragment's comment gives)",
        variable: "`ssq_login`: an object, or `null`",
        fragment: include_str!("../../templates/login-data/handlebars.hbs"),
    },
    Engine {
        name: "ejs",
        fits: "EJS",
        variable: "`ssq_login` in the data: an object, or `null`",
        fragment: include_str!("../../templates/login-data/ejs.ejs"),
    },
    Engine {
        name: "php",
        fits: "plain PHP, e.g. WordPress",
        variable: "`$ssq_login` in scope: an array with string keys, or `null`",
        fragment: include_str!("../../templates/login-data/php.php"),
    },
];

pub fn engine(name: &str) -> Option<&'static Engine> {
    ENGINES.iter().find(|engine| engine.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The element the block's run-time reads (templates/login.js.j2).
    const ELEMENT_ID: &str = "ssq-login";

    #[test]
    fn every_fragment_writes_the_element_the_block_reads() {
        for engine in ENGINES {
            // Django's json_script writes the element itself, named by its argument.
            let id = format!("\"{ELEMENT_ID}\"");
            assert!(engine.fragment.contains(&id), "{}", engine.name);
            assert!(
                engine.fragment.starts_with(&format!(
                    "{}ssq-gen login-data {}:",
                    comment_open(engine.name),
                    engine.name
                )),
                "{}",
                engine.name
            );
        }
    }

    fn comment_open(engine: &str) -> &'static str {
        match engine {
            "django" | "jinja2" | "twig" => "{# ",
            "rails" | "ejs" => "<%# ",
            "blade" => "{{-- ",
            "liquid" => "{%- comment -%} ",
            "go" => "{{/* ",
            "handlebars" => "{{!-- ",
            "php" => "<?php /* ",
            other => panic!("no comment syntax for {other}"),
        }
    }
}
