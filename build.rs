//! Compiles libphonenumber's metadata into the binary: every territory as a row of Rust data, and
//! every pattern as bytecode (`src/checks/phone/pattern.rs`), so that validating a number reads no
//! XML and compiles no regular expression at run time. The phonenumber crate reads
//! the XML here, with its own loader.
//!
//! Output, in OUT_DIR: `territories.rs` (a table of `Territory` rows: region id, calling code, the
//! national prefix's transform rule, each number type's lengths, and every pattern as a byte range)
//! and `patterns.bin` (the patterns' bytecode, back to back). The agreement test
//! (tests/cli/phone_agreement.rs) compares the result with libphonenumber.

#[path = "src/checks/phone/pattern.rs"]
mod pattern;

use std::fmt::Write as _;
use std::{env, fs, path::Path};

const METADATA: &str = "src/checks/phone/PhoneNumberMetadata.xml";

/// Programs that some integration tests drive (tests/cli/): each found on PATH sets `has_<name>`,
/// and a test whose program is missing is reported as ignored, with the reason, instead of passing
/// without having run.
const TEST_TOOLS: &[&str] = &["node", "chromium", "python3", "openssl", "tmux", "bash", "zsh", "fish", "setpriv"];

fn main() {
    detect_test_tools();
    println!("cargo:rerun-if-changed={METADATA}");
    println!("cargo:rerun-if-changed=src/checks/phone/pattern.rs");
    compile_phone_metadata();
}

/// The phone metadata as `territories.rs` and `patterns.bin` (see the top of this file).
fn compile_phone_metadata() {
    use phonenumber::metadata::loader::{self, Descriptor};
    let file = fs::File::open(METADATA).expect("read the vendored phone metadata");
    let territories = loader::load(std::io::BufReader::new(file)).expect("the phone metadata loads");
    let mut patterns = Vec::new();
    let mut compile = |pattern: &str| {
        let code = pattern::compile(pattern).unwrap_or_else(|err| panic!("phone metadata: {err}"));
        let range = patterns.len()..patterns.len() + code.len();
        patterns.extend(code);
        format!("{}..{}", range.start, range.end)
    };
    // Whitespace in the XML is layout, not pattern.
    let text = |text: &Option<String>| -> Option<String> {
        text.as_ref().map(|t| t.chars().filter(|c| !c.is_whitespace()).collect())
    };
    let mut table = String::from("&[\n");
    for meta in &territories {
        let mut compiled = |pattern: Option<&str>| match pattern {
            Some(pattern) => format!("Some({})", compile(pattern)),
            None => "None".to_string(),
        };
        let general = compiled(meta.general.as_ref().and_then(|d| d.national_number.as_deref()));
        let leading_digits = compiled(meta.leading_digits.as_deref());
        let international_prefix = compiled(meta.international_prefix.as_deref());
        // Without a pattern of its own, the national prefix is what is stripped.
        let national_prefix = compiled(meta.national_prefix_for_parsing.as_deref().or(meta.national_prefix.as_deref()));
        let mut types = String::new();
        let described: [&Option<Descriptor>; 10] = [
            &meta.fixed_line,
            &meta.mobile,
            &meta.toll_free,
            &meta.premium_rate,
            &meta.shared_cost,
            &meta.personal_number,
            &meta.voip,
            &meta.pager,
            &meta.uan,
            &meta.voicemail,
        ];
        for descriptor in described.into_iter().flatten() {
            if let Some(pattern) = &descriptor.national_number {
                write!(
                    types,
                    "NumberType {{ pattern: {}, lengths: &{:?}, local_lengths: &{:?} }}, ",
                    compile(pattern),
                    descriptor.possible_length,
                    descriptor.possible_local_length
                )
                .unwrap();
            }
        }
        writeln!(
            table,
            "    Territory {{ id: {:?}, code: {}, main: {}, leading_digits: {leading_digits}, general: {general}, types: &[{types}], \
             international_prefix: {international_prefix}, national_prefix: {national_prefix}, \
             national_prefix_transform_rule: {:?} }},",
            meta.id.as_deref().expect("territory id"),
            meta.country_code.expect("calling code"),
            meta.main_country_for_code,
            text(&meta.national_prefix_transform_rule),
        )
        .unwrap();
    }
    table.push(']');
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("territories.rs"), table).unwrap();
    fs::write(Path::new(&out).join("patterns.bin"), patterns).unwrap();
}

fn detect_test_tools() {
    let path = env::var_os("PATH").unwrap_or_default();
    println!("cargo:rerun-if-env-changed=PATH");
    for dir in env::split_paths(&path) {
        // A program installed later changes its folder: look again then.
        if dir.is_dir() {
            println!("cargo:rerun-if-changed={}", dir.display());
        }
    }
    for tool in TEST_TOOLS {
        println!("cargo::rustc-check-cfg=cfg(has_{tool})");
        if env::split_paths(&path).any(|dir| dir.join(tool).is_file()) {
            println!("cargo::rustc-cfg=has_{tool}");
        }
    }
    // Python's phonenumbers at the metadata version of the XML, the phone agreement test's reference.
    println!("cargo::rustc-check-cfg=cfg(has_phonenumbers)");
    let version = std::process::Command::new("python3")
        .args([
            "-c",
            "import phonenumbers, os; print(phonenumbers.__version__); print(os.path.dirname(phonenumbers.__file__))",
        ])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).into_owned());
    if let Some(found) = version {
        let mut lines = found.lines();
        if lines.next() == Some("9.0.33") {
            println!("cargo::rustc-cfg=has_phonenumbers");
        }
        if let Some(dir) = lines.next() {
            println!("cargo:rerun-if-changed={dir}");
        }
    }
    // eslint, from tests/js/package.json (`npm ci --prefix tests/js`, as .ci/run does).
    println!("cargo:rerun-if-changed=tests/js");
    println!("cargo::rustc-check-cfg=cfg(has_eslint)");
    if Path::new("tests/js/node_modules/eslint/bin/eslint.js").is_file() {
        println!("cargo::rustc-cfg=has_eslint");
    }
    detect_template_engines();
}

/// The template engines `login-data` writes for, each proven in its real runtime
/// (tests/cli/login_data.rs): `has_engine_<name>` where it can run here.
fn detect_template_engines() {
    let runs = |program: &str, args: &[&str]| {
        std::process::Command::new(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|status| status.success())
    };
    let php = || runs("php", &["-v"]);
    let engines: [(&str, &dyn Fn() -> bool); 10] = [
        ("django", &|| runs("python3", &["-c", "import django"])),
        ("jinja2", &|| runs("python3", &["-c", "import flask, jinja2"])),
        ("rails", &|| runs("ruby", &["-e", "require 'action_view'"])),
        ("liquid", &|| runs("ruby", &["-e", "require 'liquid'"])),
        ("twig", &|| php() && Path::new("/usr/share/php/Twig/autoload.php").is_file()),
        ("blade", &|| php() && Path::new("/usr/share/php/Illuminate/View/autoload.php").is_file()),
        ("php", &php),
        ("go", &|| runs("go", &["version"])),
        ("handlebars", &|| Path::new("tests/js/node_modules/handlebars/package.json").is_file()),
        ("ejs", &|| Path::new("tests/js/node_modules/ejs/package.json").is_file()),
    ];
    for (engine, found) in engines {
        println!("cargo::rustc-check-cfg=cfg(has_engine_{engine})");
        if found() {
            println!("cargo::rustc-cfg=has_engine_{engine}");
        }
    }
    for dir in ["/usr/share/php", "/usr/lib/ruby/vendor_ruby", "/usr/share/rubygems-integration/all/specifications"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    // Python packages installed later (pip install django jinja2, as .ci/run does).
    let site = std::process::Command::new("python3")
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
        .output()
        .ok()
        .filter(|output| output.status.success());
    if let Some(output) = site {
        println!("cargo:rerun-if-changed={}", String::from_utf8_lossy(&output.stdout).trim());
    }
}
