//! The command line, as clap types. Completions and the man page come from the same definitions.

use clap::{Args, Parser, Subcommand, ValueEnum};
use ssq_gen::diagnostics::Rule;
use ssq_gen::snippet::csp::Nonce;
use ssq_gen::snippet::form::{FORMS, Form};
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
    propagate_version = true,
    // Our own `help`, which takes `--help` like every other subcommand.
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour diagnostics
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Show only what fails the run: errors, and warnings under --deny-warnings; no summaries
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// Subcommands that report nothing: `--color` and `-q` mean nothing there, so their help leaves
/// them out (they are still accepted, as global flags are everywhere; clap_complete lists hidden
/// arguments, so the completion scripts still offer them).
const REPORT_NOTHING: &[&str] = &["man", "schema", "completions", "lsp"];

/// The command line as clap builds it, for parsing, help, the man page and completions alike.
pub fn command() -> clap::Command {
    let mut command = <Cli as clap::CommandFactory>::command();
    // A subcommand's own argument of a global flag's name takes its place there, unlisted: the
    // flag is still accepted, and changes nothing.
    let hidden: Vec<clap::Arg> = ["color", "quiet"]
        .iter()
        .filter_map(|name| command.get_arguments().find(|arg| arg.get_id() == name))
        .map(|arg| arg.clone().global(false).hide(true))
        .collect();
    // In place: `mut_subcommand` would move them to the end of the listing.
    for sub in command.get_subcommands_mut().filter(|sub| REPORT_NOTHING.contains(&sub.get_name())) {
        *sub = std::mem::take(sub).args(hidden.iter().cloned());
    }
    command
}

impl Cli {
    pub fn parse_args() -> Result<Cli, clap::Error> {
        let mut matches = command().try_get_matches()?;
        <Cli as clap::FromArgMatches>::from_arg_matches_mut(&mut matches)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a profile and print the ready-to-paste <script> block
    #[command(after_help = concat!(
        "Examples:\n",
        "  ssq-gen snippet examples/profile.ssq.toml\n",
        "  ssq-gen snippet profile.json -o public/chat-snippet.html\n",
        "  ssq-gen snippet profile.ssq.toml -o app/salesmartly-chat.js   # the script alone\n",
        "  ssq-gen snippet profile.ssq.toml -o app/salesmartly-chat.tsx  # a Next.js component\n",
        "  cat profile.ssq.toml | ssq-gen snippet - --input-format toml\n",
        "  ssq-gen snippet profile.ssq.toml --nonce R4nd0mN0nce==\n",
        "  ssq-gen snippet profile.ssq.toml --nonce '{{ csp_nonce }}' -o templates/chat.html\n",
        "  ssq-gen snippet profile.ssq.toml --logout -o logged-out.html\n",
        "  ssq-gen snippet profile.ssq.toml --check public/chat-snippet.html\n\n",
        "Forms (--format): html, the <script> element for a layout file; js, the same script alone,\n",
        "for a framework that writes the element (Nuxt's useHead, a bundler); next, a Next.js App\n",
        "Router component with typed helpers (openChat, sendMessage, login and more). -o FILE.js chooses js,\n",
        "-o FILE.tsx next. The script is byte for byte the same in html and js, so the hash `ssq-gen\n",
        "csp` prints serves both; `csp --format js` hashes the whole file, header included.\n\n",
        "Exit status:\n",
        "  0  rendered (with --check: FILE is up to date)\n",
        "  1  the profile has errors (syntax, type or rule); nothing was written\n",
        "     (with --check: FILE is missing or out of date)\n",
        "  2  usage or I/O error: missing or unreadable file, a folder, a bad flag, output that\n",
        "     cannot be written",
    ))]
    Snippet(SnippetArgs),

    /// Check profiles with every rule: the CI step for a repository's embed configs
    #[command(after_help = concat!(
        "Folders are walked recursively, honouring .gitignore; in them, files named *.ssq.toml and\n",
        "*.ssq.json are profiles (change with --glob). Symbolic links and special files found while\n",
        "walking are skipped (follow links with -L). Files named explicitly are always linted.\n\n",
        "Examples:\n",
        "  ssq-gen lint .\n",
        "  ssq-gen lint --format github site/ profiles/main.toml\n",
        "  ssq-gen lint --format sarif . > ssq-gen.sarif\n",
        "  ssq-gen lint --glob '*.chat.toml' config/\n\n",
        "Exit status:\n",
        "  0  no errors (warnings allowed unless --deny-warnings)\n",
        "  1  findings\n",
        "  2  usage or I/O error; unreadable paths are reported and the others still linted;\n",
        "     no profile found (unless --allow-empty)",
    ))]
    #[command(visible_alias = "check")]
    Lint(LintArgs),

    /// Find the mistakes of hand-written SaleSmartly installs in a site's pages and scripts
    #[command(after_help = concat!(
        "Folders are walked as by lint (honouring .gitignore; hidden files with --hidden, links with\n",
        "-L), for pages, templates and scripts: HTML, PHP, Liquid, ERB, Twig, Blade, Jinja and\n",
        "Django, Handlebars, EJS, Vue and Svelte components, JavaScript and TypeScript (change with\n",
        "--glob). Files that never mention ssq, __ssc or SaleSmartly cost one scan for those bytes.\n",
        "Each finding has a code (SSQ501-SSQ509); `ssq-gen rules CODE` explains it.\n\n",
        "Examples:\n",
        "  ssq-gen audit .\n",
        "  ssq-gen audit --format github templates/ assets/js/\n",
        "  ssq-gen audit --ignore SSQ501 theme/\n\n",
        "Exit status:\n",
        "  0  no errors (warnings allowed unless --deny-warnings)\n",
        "  1  findings\n",
        "  2  usage or I/O error; no file found (unless --allow-empty)",
    ))]
    Audit(AuditArgs),

    /// Write the profile that reproduces a page's hand-written SaleSmartly install
    #[command(after_help = concat!(
        "Reads FILE as audit does and writes the profile: the loader (script_url or license),\n",
        "hideIcon, setLoginInfo (literal values, or from_page with a note on the login-data\n",
        "fragment when the page writes them), listeners that only report (console.log,\n",
        "dataLayer.push, gtag) as actions, chatOpen, chatClose and sendTextMessage on a click of an\n",
        "element with an id as triggers, hideUpload and hideCloseIcon. What it cannot translate is\n",
        "named in a comment and an SSQ510 finding. audit's findings are shown too, on standard\n",
        "error.\n\n",
        "Examples:\n",
        "  ssq-gen import templates/layout.html -o chat.ssq.toml\n",
        "  ssq-gen import theme.liquid -o chat.ssq.json\n\n",
        "Exit status:\n",
        "  0  the profile was written\n",
        "  1  the file has no SaleSmartly install to import\n",
        "  2  usage or I/O error",
    ))]
    Import {
        /// The page, template or script that holds the install
        #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,

        /// Write the profile to FILE (TOML; JSON when it ends in .json), replaced atomically
        #[arg(short, long, value_name = "PROFILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
    },

    /// Print the Content-Security-Policy `script-src` sources the snippet needs
    #[command(after_help = concat!(
        "Prints one line: the sha256 hash of the snippet's inline script and the origins it loads\n",
        "scripts from. Add it to your policy: Content-Security-Policy: script-src <line>\n\n",
        "Examples:\n",
        "  ssq-gen csp examples/profile.ssq.toml\n",
        "  ssq-gen csp examples/profile.ssq.toml --logout   # for the block rendered with --logout\n\n",
        "Exit status: as for `snippet`.",
    ))]
    Csp(CspArgs),

    /// Print the fragment that writes each page view's visitor, for a `from_page` profile
    #[command(after_help = concat!(
        "Paste the fragment into the site's layout, once per page, before or after the block. It\n",
        "reads one variable, ssq_login: a mapping with the setLoginInfo keys (user_id, user_name,\n",
        "language, phone, email, description, label_names, custom_fields_ext), or null when no one\n",
        "is logged in. The block, rendered from a profile with `[login] from_page = true`, stays the\n",
        "same for every visitor. Lists must be lists: PHP's array_filter() keeps its keys, so wrap\n",
        "its result in array_values().\n\n",
        "WordPress: `ssq-gen snippet --format wordpress` writes a plugin that does all of this. By\n",
        "hand, build $ssq_login where the fragment is included (theme templates run inside\n",
        "functions, so a variable set in functions.php is not in scope there), in a wp_footer hook:\n",
        "  add_action('wp_footer', function () {\n",
        "      $user = wp_get_current_user();\n",
        "      $ssq_login = $user->exists() ? array(\n",
        "          'user_id' => hash_hmac('sha256', (string) $user->ID, wp_salt('auth')),\n",
        "          'user_name' => $user->display_name,\n",
        "      ) : null;\n",
        "      include get_theme_file_path('ssq-login.php');\n",
        "  });\n\n",
        "Examples:\n",
        "  ssq-gen login-data django -o templates/partials/ssq_login.html\n",
        "  ssq-gen login-data php -o wp-content/themes/site/ssq-login.php",
    ))]
    LoginData {
        /// The site's template engine
        #[arg(value_name = "ENGINE", value_parser = engines())]
        engine: &'static ssq_gen::snippet::login_data::Engine,

        /// Write the fragment to FILE (replaced atomically) instead of standard output
        #[arg(short, long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
    },

    /// Write a commented starter profile that explains every key
    #[command(after_help = concat!(
        "Examples:\n",
        "  ssq-gen init                 # writes profile.ssq.toml\n",
        "  ssq-gen init site.ssq.json --json\n",
        "  ssq-gen init -               # print it instead",
    ))]
    Init {
        /// Where to write it; `-` prints it. A `.json` name gets JSON, any other TOML
        #[arg(value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
        path: Option<PathBuf>,

        /// Write JSON (with a "$schema" key) instead of commented TOML; the default name is then
        /// profile.ssq.json
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

    /// List every rule (its stable code, name, severity and what it checks), or explain one
    #[command(after_help = concat!(
        "Examples:\n",
        "  ssq-gen rules\n",
        "  ssq-gen rules SSQ104             # why, how to fix, examples, whether it can be ignored\n",
        "  ssq-gen rules --format json      # every rule with its explanation, for tools\n",
        "  ssq-gen rules --format markdown  # the README's rule list",
    ))]
    Rules {
        /// The rule to explain
        #[arg(value_name = "CODE", value_parser = RuleArg::ANY)]
        code: Option<&'static Rule>,

        /// Output format
        #[arg(long, value_enum, default_value_t = RulesFormat::Text, value_name = "FORMAT")]
        format: RulesFormat,
    },

    /// Serve a page on 127.0.0.1 that runs the profile's block, to see what it does
    #[command(after_help = concat!(
        "Prints the page's URL (http://127.0.0.1:PORT/) first and serves until Ctrl-C. The page holds\n",
        "exactly the block `ssq-gen snippet PROFILE` prints, under the CSP `ssq-gen csp` prints, with\n",
        "the elements its selectors name, a stand-in widget (offline: no request to another host),\n",
        "and a panel that logs every command, event and analytics call. Saving the profile reloads\n",
        "the page; a profile with errors shows them there and the last good block keeps running.\n\n",
        "Examples:\n",
        "  ssq-gen preview examples/profile.ssq.toml --open\n",
        "  ssq-gen preview site.ssq.toml --port 8731 --live\n\n",
        "Exit status: 0 at Ctrl-C; 2 when the port is in use or the profile cannot be read.",
    ))]
    Preview {
        /// Profile to preview (TOML or JSON)
        #[arg(value_name = "PROFILE", value_hint = clap::ValueHint::FilePath)]
        profile: PathBuf,

        /// Port on 127.0.0.1; 0 picks a free one
        #[arg(long, default_value_t = 0, value_name = "N")]
        port: u16,

        /// Load the real SaleSmartly loader instead of the preview's stand-in widget
        #[arg(long)]
        live: bool,

        /// Open the page in the system's browser
        #[arg(long)]
        open: bool,
    },

    /// Run the language server (LSP 3.17 over standard input and output) for editors
    #[command(after_help = concat!(
        "Diagnostics (the rules `lint` runs), hover docs, completion and quick fixes for\n",
        "*.ssq.toml and *.ssq.json documents, and TOML or JSON ones with a [loader] section.\n",
        "The README shows the set-up for Neovim, Helix and VS Code.\n\n",
        "Exit status: 0 after `shutdown` then `exit`; 1 on `exit` without `shutdown`, or when the\n",
        "client closes the connection first.",
    ))]
    Lsp,

    /// Print the help of ssq-gen or of one of its subcommands
    #[command(after_help = "Examples:\n  ssq-gen help\n  ssq-gen help lint")]
    Help {
        /// The subcommand to explain
        #[arg(value_name = "COMMAND", value_parser = SubcommandName)]
        command: Option<String>,
    },
}

/// `login-data`'s engines, with what each fits (shown by completions and `--help`).
fn engines() -> impl clap::builder::TypedValueParser<Value = &'static ssq_gen::snippet::login_data::Engine> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
    use ssq_gen::snippet::login_data::{ENGINES, engine};
    let names = ENGINES.iter().map(|engine| PossibleValue::new(engine.name).help(engine.fits));
    PossibleValuesParser::new(names).map(|name| engine(&name).expect("the parser accepts only the engines' names"))
}

/// The subcommands `help` explains, read from [`Command`] itself when the list is needed.
#[derive(Clone)]
struct SubcommandName;

impl SubcommandName {
    fn names() -> Vec<clap::builder::PossibleValue> {
        <Cli as clap::CommandFactory>::command()
            .get_subcommands()
            .map(|sub| clap::builder::PossibleValue::new(sub.get_name().to_string()))
            .collect()
    }
}

impl clap::builder::TypedValueParser for SubcommandName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::PossibleValuesParser::new(Self::names()).parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(Self::names().into_iter()))
    }
}

/// A rule's code as an argument: `accept` says which codes, or why not; completions offer the
/// rules `offer` keeps.
#[derive(Clone)]
struct RuleArg {
    accept: fn(&str) -> Result<&'static Rule, String>,
    offer: fn(&Rule) -> bool,
}

impl RuleArg {
    /// `--ignore`'s codes: warnings only.
    const IGNORABLE: RuleArg = RuleArg {
        accept: ssq_gen::diagnostics::ignorable,
        offer: |rule| rule.severity == ssq_gen::diagnostics::Severity::Warning,
    };
    /// `rules CODE`: any rule's code.
    const ANY: RuleArg = RuleArg { accept: ssq_gen::diagnostics::named, offer: |_| true };
}

impl clap::builder::TypedValueParser for RuleArg {
    type Value = &'static Rule;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<&'static Rule, clap::Error> {
        let code = value.to_string_lossy();
        (self.accept)(code.trim()).map_err(|why| {
            let name = match arg.and_then(|arg| arg.get_long()) {
                Some(flag) => format!("--{flag} {code}"),
                None => code.to_string(),
            };
            cmd.clone().error(clap::error::ErrorKind::ValueValidation, format!("{name}: {why}"))
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let rules = ssq_gen::diagnostics::registry::RULES.iter().filter(|rule| (self.offer)(rule));
        Some(Box::new(rules.map(|rule| clap::builder::PossibleValue::new(rule.code).help(rule.name))))
    }
}

/// `--format`'s forms, from the library's table, with their descriptions for completions.
fn form_arg() -> impl clap::builder::TypedValueParser<Value = Form> {
    let forms = FORMS.iter().map(|row| clap::builder::PossibleValue::new(row.name).help(row.about));
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(forms)
        .map(|name| Form::named(&name).expect("a possible value names a form"))
}

/// Reading and checking one profile.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Profile to read (TOML or JSON); `-` reads standard input (also the default when it is not a
    /// terminal)
    #[arg(value_name = "PROFILE", value_hint = clap::ValueHint::FilePath)]
    pub profile: Option<PathBuf>,

    #[command(flatten)]
    pub judging: JudgingArgs,
}

#[derive(Debug, Args)]
pub struct SnippetArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,

    /// Write the snippet to FILE (replaced atomically) instead of standard output
    #[arg(short, long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,

    /// Exit 0 if FILE already holds exactly this snippet, else 1 with a diff; writes nothing.
    /// Compares the form FILE holds
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath, conflicts_with = "output")]
    pub check: Option<PathBuf>,

    /// The form to write: html (the default), js or next; by default from -o's extension
    #[arg(long, value_name = "FORM", value_parser = form_arg())]
    pub format: Option<Form>,

    /// Render for the page after logout: no setLoginInfo, and clearUser so the widget forgets the visitor
    #[arg(long)]
    pub logout: bool,

    /// CSP nonce for the <script> element: base64, or your server template's placeholder for it
    /// ({{ csp_nonce }}, <%= nonce %>, <?= $nonce ?>); inserted scripts copy it
    #[arg(long, value_name = "NONCE", value_parser = Nonce::parse)]
    pub nonce: Option<Nonce>,
}

/// How a profile is read and judged: `snippet`, `csp` and `lint` alike.
#[derive(Debug, Args)]
pub struct JudgingArgs {
    /// Profile format; by default from the extension, else from the content
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// Treat warnings as errors
    #[arg(long)]
    pub deny_warnings: bool,

    /// Don't report these warnings, by code (repeatable, comma-separated); errors cannot be ignored
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = RuleArg::IGNORABLE)]
    pub ignore: Vec<&'static Rule>,
}

impl JudgingArgs {
    /// `-q` with these flags: what to show, and what fails the run.
    pub fn policy(&self, quiet: bool) -> ssq_gen::report::Policy {
        ssq_gen::report::Policy {
            quiet,
            deny_warnings: self.deny_warnings,
            ignore: self.ignore.iter().copied().collect(),
        }
    }

    pub fn format(&self) -> Option<ssq_gen::input::source::Format> {
        self.input_format.map(|format| match format {
            InputFormat::Toml => ssq_gen::input::source::Format::Toml,
            InputFormat::Json => ssq_gen::input::source::Format::Json,
        })
    }
}

#[derive(Debug, Args)]
pub struct CspArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,

    /// The sources for the block rendered with `snippet --logout`
    #[arg(long)]
    pub logout: bool,

    /// The form the block is inlined in: html hashes the <script> element's content, js the
    /// whole file, its header comment included
    #[arg(long, value_name = "FORM", value_parser = form_arg(), conflicts_with = "trusted_types")]
    pub format: Option<Form>,

    /// Print the directive a page that requires Trusted Types adds instead: `trusted-types ssq-gen`,
    /// and `default` for a PROFILE with `loader.trusted_types_default`
    #[arg(long, conflicts_with = "logout")]
    pub trusted_types: bool,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub walk: WalkArgs,

    #[command(flatten)]
    pub judging: JudgingArgs,

    /// Apply the safe fixes in place (files are replaced atomically), then report what remains
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// Print the fixes as a unified diff and write nothing; exit 1 if there is anything to fix
    #[arg(long, conflicts_with = "format")]
    pub diff: bool,

    /// With --fix or --diff: the unsafe fixes too (a misspelt key renamed, a misplaced key moved)
    #[arg(long)]
    pub unsafe_fixes: bool,
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub walk: WalkArgs,

    /// Treat warnings as errors
    #[arg(long)]
    pub deny_warnings: bool,

    /// Don't report these warnings, by code (repeatable, comma-separated); errors cannot be ignored
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = RuleArg::IGNORABLE)]
    pub ignore: Vec<&'static Rule>,
}

/// What `lint` and `audit` read, and how they report it.
#[derive(Debug, clap::Args)]
pub struct WalkArgs {
    /// Files and folders; nothing means `.`, and `-` reads standard input
    #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,

    /// Follow symbolic links found while walking folders (named paths are always read as given)
    #[arg(short = 'L', long)]
    pub follow: bool,

    /// Succeed when no file is found (by default that is an error: a mistyped path or --glob)
    #[arg(long)]
    pub allow_empty: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human, value_name = "FORMAT")]
    pub format: OutputFormat,

    /// Which files in folders are read (repeatable; replaces the command's default names, below;
    /// `!GLOB` leaves files out)
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,

    /// Walk hidden files and folders too (.github/, .config/)
    #[arg(long)]
    pub hidden: bool,
}

impl WalkArgs {
    /// The paths to read: nothing means the current folder, as for eslint and ruff (in CI,
    /// standard input is /dev/null, not a file to read).
    pub fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() { vec![PathBuf::from(".")] } else { self.paths.clone() }
    }
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
pub enum RulesFormat {
    /// for a terminal
    Text,
    /// the README's table (with CODE: the rule's section of the explanations)
    Markdown,
    /// one JSON document: each rule with its explanation and examples
    Json,
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
