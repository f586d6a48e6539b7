//! The command line, as clap types. Completions and the man page come from the same definitions.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub const EXIT_STATUS: &str = "\
Exit status:
  0  success (warnings allowed unless --deny-warnings)
  1  the profile has errors (syntax, type or rule); nothing was written
  2  usage or I/O error: missing or unreadable file, a folder, a bad flag";

#[derive(Debug, Parser)]
#[command(
    name = "ssq-gen",
    version,
    about = "Generates a safe, non-blocking SaleSmartly chat plugin snippet from a validated profile",
    after_help = EXIT_STATUS,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour diagnostics
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Show errors only: no warnings, no summaries
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a profile and print the ready-to-paste <script> block
    #[command(after_help = concat!(
        "Examples:\n",
        "  ssq-gen snippet examples/profile.toml\n",
        "  ssq-gen snippet profile.json -o public/chat-snippet.html\n",
        "  cat profile.toml | ssq-gen snippet --input-format toml\n\n",
        "Exit status:\n",
        "  0  rendered\n",
        "  1  the profile has errors (syntax, type or rule); nothing was written\n",
        "  2  usage or I/O error: missing or unreadable file, a folder, a bad flag",
    ))]
    Snippet(SnippetArgs),

    /// List every rule: its stable code, name, severity and what it checks
    #[command(after_help = "Examples:\n  ssq-gen rules\n  ssq-gen rules --markdown > rules.md")]
    Rules {
        /// Print a Markdown table (the README's rule list)
        #[arg(long)]
        markdown: bool,
    },
}

#[derive(Debug, Args)]
pub struct SnippetArgs {
    /// Profile to read (TOML or JSON); `-` or nothing reads standard input
    #[arg(value_name = "PROFILE", value_hint = clap::ValueHint::FilePath)]
    pub profile: Option<PathBuf>,

    /// Write the snippet to FILE (replaced atomically) instead of standard output
    #[arg(short, long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// Profile format; by default from the extension, else from the content
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Treat warnings as errors
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Toml,
    Json,
}
