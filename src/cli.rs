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
        "  cat profile.toml | ssq-gen snippet --input-format toml\n",
        "  ssq-gen snippet profile.toml --nonce R4nd0mN0nce==\n",
        "  ssq-gen snippet profile.toml --logout -o logged-out.html\n\n",
        "Exit status:\n",
        "  0  rendered\n",
        "  1  the profile has errors (syntax, type or rule); nothing was written\n",
        "  2  usage or I/O error: missing or unreadable file, a folder, a bad flag",
    ))]
    Snippet(SnippetArgs),

    /// Check profiles with every rule: the CI step for a repository's embed configs
    #[command(after_help = concat!(
        "Folders are walked recursively, honouring .gitignore; in them, files named *.ssq.toml and\n",
        "*.ssq.json are profiles (change with --glob). Files named explicitly are always linted.\n\n",
        "Examples:\n",
        "  ssq-gen lint .\n",
        "  ssq-gen lint --format github site/ profiles/main.toml\n",
        "  ssq-gen lint --format sarif . > ssq-gen.sarif\n",
        "  ssq-gen lint --glob '*.chat.toml' config/\n\n",
        "Exit status:\n",
        "  0  no errors (warnings allowed unless --deny-warnings)\n",
        "  1  findings\n",
        "  2  usage or I/O error; unreadable paths are reported and the others still linted",
    ))]
    Lint(LintArgs),

    /// Print the Content-Security-Policy `script-src` sources the snippet needs
    #[command(after_help = concat!(
        "Prints one line: the sha256 hash of the snippet's inline script and the origins it loads\n",
        "scripts from. Add it to your policy: Content-Security-Policy: script-src <line>\n\n",
        "Examples:\n",
        "  ssq-gen csp examples/profile.toml\n\n",
        "Exit status: as for `snippet`.",
    ))]
    Csp(ProfileArgs),

    /// Write a commented starter profile that explains every key
    #[command(after_help = concat!(
        "Examples:\n",
        "  ssq-gen init                 # writes profile.ssq.toml\n",
        "  ssq-gen init site.ssq.json --json\n",
        "  ssq-gen init -               # print it instead",
    ))]
    Init {
        /// Where to write it; `-` prints it
        #[arg(value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
        path: Option<PathBuf>,

        /// Write JSON (with a "$schema" key) instead of commented TOML
        #[arg(long)]
        json: bool,

        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },

    /// Print the profile's JSON Schema (draft 2020-12), for editors
    #[command(after_help = concat!(
        "Examples:\n",
        "  ssq-gen schema > ssq-gen.schema.json\n",
        "  then, in a JSON profile: \"$schema\": \"./ssq-gen.schema.json\"\n",
        "  or atop a TOML profile (Taplo, Even Better TOML): #:schema ./ssq-gen.schema.json",
    ))]
    Schema,

    /// Print the man page (roff)
    #[command(after_help = "Examples:\n  ssq-gen man > ~/.local/share/man/man1/ssq-gen.1 && man ssq-gen")]
    Man,

    /// Print the shell completion script for SHELL
    #[command(after_help = concat!(
        "Examples:\n",
        "  ssq-gen completions bash > ~/.local/share/bash-completion/completions/ssq-gen\n",
        "  ssq-gen completions zsh > ~/.zfunc/_ssq-gen\n",
        "  ssq-gen completions fish > ~/.config/fish/completions/ssq-gen.fish",
    ))]
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// List every rule: its stable code, name, severity and what it checks
    #[command(after_help = "Examples:\n  ssq-gen rules\n  ssq-gen rules --markdown > rules.md")]
    Rules {
        /// Print a Markdown table (the README's rule list)
        #[arg(long)]
        markdown: bool,
    },
}

/// Reading and checking one profile.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Profile to read (TOML or JSON); `-` or nothing reads standard input
    #[arg(value_name = "PROFILE", value_hint = clap::ValueHint::FilePath)]
    pub profile: Option<PathBuf>,

    /// Profile format; by default from the extension, else from the content
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Treat warnings as errors
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct SnippetArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,

    /// Write the snippet to FILE (replaced atomically) instead of standard output
    #[arg(short, long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// Exit 0 if FILE already holds exactly this snippet, else 1 with a diff; writes nothing
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath, conflicts_with = "output")]
    pub check: Option<PathBuf>,

    /// Render for the page after logout: no setLoginInfo, and clearUser so the widget forgets the visitor
    #[arg(long)]
    pub logout: bool,

    /// CSP nonce for the <script> element (base64); inserted scripts copy it
    #[arg(long, value_name = "NONCE", value_parser = parse_nonce)]
    pub nonce: Option<String>,
}

fn parse_nonce(value: &str) -> Result<String, String> {
    ssq_gen::snippet::csp::check_nonce(value).map(|()| value.to_string())
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Profiles and folders; nothing or `-` reads standard input
    #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human, value_name = "FORMAT")]
    pub format: OutputFormat,

    /// Which files in folders are profiles (repeatable; replaces *.ssq.toml and *.ssq.json)
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,

    /// Profile format; by default from the extension, else from the content
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Treat warnings as errors
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style, with the source line and a caret
    Human,
    /// one JSON document
    Json,
    /// GitHub Actions workflow commands
    Github,
    /// SARIF 2.1.0 for code scanning
    Sarif,
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
