//! The man page: one page with every subcommand and its options, since clap_mangen's own page refers
//! to per-subcommand pages (`ssq-gen-snippet(1)`) that nobody installs.

use crate::cli::command;
use clap_mangen::Man;

/// One of clap_mangen's section renderers.
type Section = fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>;

pub fn page() -> String {
    let mut command = command().disable_help_subcommand(true);
    command.build();
    let man = Man::new(command.clone());
    let mut page = render(
        &man,
        &[
            Man::render_title,
            Man::render_name_section,
            Man::render_synopsis_section,
            Man::render_description_section,
            Man::render_options_section,
        ],
    );
    for sub in command.get_subcommands() {
        let title = sub.get_bin_name().unwrap_or(sub.get_name()).to_uppercase().replace('-', "\\-");
        page.push_str(&format!(".SH \"{title}\"\n"));
        let sections = [
            Man::render_synopsis_section,
            Man::render_description_section,
            Man::render_options_section,
            Man::render_extra_section,
        ];
        // The subcommand's sections become subsections of its own.
        page.push_str(
            &render(&Man::new(sub.clone()), &sections).replace(".SH ", ".SS ").replace(".SS EXTRA", ".SS NOTES"),
        );
    }
    page.push_str(&render(&man, &[Man::render_extra_section]));
    page.push_str(&profile_reference());
    let statuses = roff(crate::cli::EXIT_STATUS.trim_start_matches("Exit status:\n"));
    page.push_str(&format!(".SH \"EXIT STATUS\"\n.nf\n{statuses}\n.fi\n"));
    page.push_str(ENVIRONMENT);
    page.push_str(&render(&man, &[Man::render_version_section]));
    page.replace(".SH EXTRA", ".SH NOTES")
}

const ENVIRONMENT: &str = ".SH ENVIRONMENT
.TP
.B NO_COLOR
When set and not empty, diagnostics are not coloured (with \\-\\-color auto, the default).
.TP
.B TERM
When \\fBdumb\\fR, diagnostics are not coloured.
.PP
ssq\\-gen reads no other variable: in CI, choose the report with \\-\\-format github or sarif.
.SH \"SEE ALSO\"
ssq\\-gen rules CODE (each rule explained), ssq\\-gen schema (the profile's JSON Schema),
https://github.com/ssq\\-gen/ssq\\-gen
";

/// The profile's sections and keys, from the schema table that the parser and the README read.
fn profile_reference() -> String {
    use ssq_gen::profile::schema::SECTIONS;
    let mut out =
        String::from(".SH PROFILE\nA profile is TOML or JSON: these sections and keys, each optional but [loader].\n");
    for section in SECTIONS {
        out.push_str(&format!(".SS [{}]\n{}\n", section.name, roff(section.doc)));
        for key in section.keys {
            out.push_str(&format!(".TP\n.B {}\n({}) {}\n", roff(key.name), roff(key.kind.expected()), roff(key.doc)));
        }
    }
    out
}

/// `text` as roff reads it: backslashes and hyphens escaped, characters past ASCII as `\[uXXXX]`
/// (troff reads bytes), and no line taken for a request.
fn roff(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '\\' => "\\e".to_string(),
            '-' => "\\-".to_string(),
            c if c.is_ascii() => c.to_string(),
            c => format!("\\[u{:04X}]", c as u32),
        })
        .collect();
    escaped
        .lines()
        .map(|line| match line.starts_with(['.', '\'']) {
            true => format!("\\&{line}"),
            false => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn render(man: &Man, sections: &[Section]) -> String {
    let mut out = Vec::new();
    for section in sections {
        section(man, &mut out).expect("rendering to memory");
    }
    String::from_utf8_lossy(&out).into_owned()
}
