//! The man page: one page with every subcommand and its options, since clap_mangen's own page refers
//! to per-subcommand pages (`ssq-gen-snippet(1)`) that nobody installs.

use crate::cli::Cli;
use clap::CommandFactory as _;
use clap_mangen::Man;

/// One of clap_mangen's section renderers.
type Section = fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>;

pub fn page() -> String {
    let mut command = Cli::command().disable_help_subcommand(true);
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
    page.push_str(&render(&man, &[Man::render_extra_section, Man::render_version_section]));
    page.replace(".SH EXTRA", ".SH NOTES")
}

fn render(man: &Man, sections: &[Section]) -> String {
    let mut out = Vec::new();
    for section in sections {
        section(man, &mut out).expect("rendering to memory");
    }
    String::from_utf8_lossy(&out).into_owned()
}
