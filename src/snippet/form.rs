//! The forms a block is written in (`snippet --format`): one row each in [`FORMS`], and one
//! template in `templates/form/` that wraps the same script body. Adding a form is a word in
//! [`Form`], a row, and its template (also listed in `TEMPLATES`).

use std::path::Path;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Form {
    /// A comment line and the `<script>` element: for a layout file, a CMS, a Tag Manager tag.
    #[default]
    Html,
    /// The script's body alone, its header a `/* … */` comment: for `next/script`, Nuxt's
    /// `useHead`, a bundler's entry.
    Js,
    /// A TypeScript module for Next.js's App Router: a component that renders the block with
    /// `next/script`, typed helpers, and `window.ssq`'s types.
    Next,
    /// A WordPress plugin file: the block in `wp_footer`, and the logged-in visitor for a
    /// `from_page` profile.
    WordPress,
}

/// What a form is called, how a file of it is recognised, and what it carries.
pub struct FormRow {
    pub form: Form,
    /// `--format`'s word.
    pub name: &'static str,
    /// One line for `--help` and completions.
    pub about: &'static str,
    /// `-o FILE`'s extensions that choose this form.
    pub extensions: &'static [&'static str],
    /// How its text begins (after blank space): `--check` compares a file with the form it holds.
    pub opens_with: &'static str,
    /// Its template in `templates/`.
    pub template: &'static str,
    /// Whether it writes the `<script>` element itself, and so can carry `--nonce`.
    pub writes_element: bool,
    /// Where a nonce goes instead, for a form that does not write the element.
    pub nonce_goes: &'static str,
    /// What a page inlines: the script element's content (`false`), or the whole text, header
    /// included (`true`). `csp` hashes that.
    pub inlined_whole: bool,
    /// Whether its helpers open, close and send through the block's page events, which its block
    /// then has whatever `launcher.page_events` says.
    pub page_events: bool,
}

pub const FORMS: &[FormRow] = &[
    FormRow {
        form: Form::Html,
        name: "html",
        about: "a <script> element and its comment, for a layout file (the default)",
        extensions: &["html", "htm"],
        opens_with: "<!--",
        template: "form/html.j2",
        writes_element: true,
        nonce_goes: "",
        inlined_whole: false,
        page_events: false,
    },
    FormRow {
        form: Form::Js,
        name: "js",
        about: "the script alone, for next/script, Nuxt's useHead or a bundler (chosen by -o FILE.js)",
        extensions: &["js", "mjs", "cjs"],
        opens_with: "/*",
        template: "form/js.j2",
        writes_element: false,
        nonce_goes: "the page or framework writes the <script> element in this form: give the nonce there (next/script's nonce prop, useHead's nonce)",
        inlined_whole: true,
        page_events: false,
    },
    FormRow {
        form: Form::Next,
        name: "next",
        about: "a Next.js App Router component with typed helpers (chosen by -o FILE.tsx)",
        extensions: &["tsx"],
        opens_with: "/**",
        template: "form/next.tsx.j2",
        writes_element: false,
        nonce_goes: "give the request's nonce to the component: <SaleSmartlyChat nonce={nonce} />",
        inlined_whole: false,
        page_events: true,
    },
    FormRow {
        form: Form::WordPress,
        name: "wordpress",
        about: "a WordPress plugin file: the block in every front-end footer, with the logged-in visitor for from_page",
        extensions: &[],
        opens_with: "<?php",
        template: "form/wordpress.php.j2",
        writes_element: false,
        nonce_goes: "WordPress writes the <script> element: a CSP plugin adds the nonce through the wp_inline_script_attributes filter",
        inlined_whole: false,
        page_events: false,
    },
];

impl Form {
    pub fn row(self) -> &'static FormRow {
        FORMS.iter().find(|row| row.form == self).expect("every form has a row")
    }

    pub fn named(name: &str) -> Option<Form> {
        FORMS.iter().find(|row| row.name == name).map(|row| row.form)
    }

    /// The form `-o path` chooses by its extension (ASCII case ignored), if any.
    pub fn for_path(path: &Path) -> Option<Form> {
        let extension = path.extension()?.to_str()?;
        let row = FORMS.iter().find(|row| row.extensions.iter().any(|known| known.eq_ignore_ascii_case(extension)))?;
        Some(row.form)
    }

    /// The form a file's text is written in, by how it begins (the longest opening that fits);
    /// `None` for text no form begins with.
    pub fn held_in(text: &str) -> Option<Form> {
        let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        let fits = FORMS.iter().filter(|row| text.starts_with(row.opens_with));
        fits.max_by_key(|row| row.opens_with.len()).map(|row| row.form)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_one_row_a_distinct_opening_and_its_own_extensions() {
        for (i, row) in FORMS.iter().enumerate() {
            assert_eq!(Form::named(row.name), Some(row.form));
            for other in &FORMS[i + 1..] {
                assert_ne!(row.form, other.form);
                assert_ne!(row.opens_with, other.opens_with);
                assert!(row.extensions.iter().all(|ext| !other.extensions.contains(ext)), "{}", row.name);
            }
        }
    }

    #[test]
    fn paths_and_texts_choose_their_form() {
        assert_eq!(Form::for_path(Path::new("app/chat.js")), Some(Form::Js));
        assert_eq!(Form::for_path(Path::new("CHAT.JS")), Some(Form::Js));
        assert_eq!(Form::for_path(Path::new("partials/chat.html")), Some(Form::Html));
        assert_eq!(Form::for_path(Path::new("chat.txt")), None);
        assert_eq!(Form::for_path(Path::new("chat")), None);
        assert_eq!(Form::held_in("\u{feff}\n<!-- SaleSmartly -->"), Some(Form::Html));
        assert_eq!(Form::held_in("/* SaleSmartly */\n"), Some(Form::Js));
        assert_eq!(Form::held_in("/** SaleSmartly */\n\"use client\";"), Some(Form::Next));
        assert_eq!(Form::for_path(Path::new("app/salesmartly-chat.tsx")), Some(Form::Next));
        assert_eq!(Form::held_in("<?php\n/**\n * Plugin Name: SaleSmartly"), Some(Form::WordPress));
        assert_eq!(Form::for_path(Path::new("salesmartly-chat-ssq-gen.php")), None, "a .php file may be a theme's");
        assert_eq!(Form::held_in("console.log(1)"), None);
    }
}
