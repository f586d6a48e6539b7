//! The man page: one page with every subcommand and its options, since clap_mangen's own page refers
//! to per-subcommand pages (`ssq-gen-snippet(1)`) that nobody installs.

use crate::cli::Cli;
use clap::CommandFactory as _;
use clap_mangen::Man;
use std::io::Write as _;

/// One of clap_mangen's section renderers.
type Section = fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>;

pub fn page() -> String {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let man = Man::new(command.clone());
    let mut page = Vec::new();
    let main: [Section; 5] = [
        Man::render_title,
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    for render in main {
        render(&man, &mut page).expect("rendering to memory");
    }
    for sub in command.get_subcommands() {
        let title = sub.get_bin_name().unwrap_or(sub.get_name()).to_uppercase().replace('-', "\\-");
        writeln!(page, ".SH \"{title}\"").expect("rendering to memory");
        let man = Man::new(sub.clone());
        let mut section = Vec::new();
        let parts: [Section; 4] = [
            Man::render_synopsis_section,
            Man::render_description_section,
            Man::render_options_section,
            Man::render_extra_section,
        ];
        for render in parts {
            render(&man, &mut section).expect("rendering to memory");
        }
        // The subcommand's sections become subsections of its own.
        let section = String::from_utf8_lossy(&section).replace(".SH ", ".SS ").replace(".SS EXTRA", ".SS NOTES");
        page.extend_from_slice(section.as_bytes());
    }
    let closing: [Section; 2] = [Man::render_extra_section, Man::render_version_section];
    for render in closing {
        render(&man, &mut page).expect("rendering to memory");
    }
    String::from_utf8_lossy(&page).replace(".SH EXTRA", ".SH NOTES")
}
