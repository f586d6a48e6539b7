//! Splits libphonenumber's metadata into one XML fragment per territory, so that the binary parses only
//! the territories a profile's phone number needs (the phonenumber crate's default database decodes all
//! 254 of them on first use, which costs ~55 ms: ten times our whole per-profile budget).
//!
//! Only what validation reads is kept, in the form the regex crate compiles fastest: number formats
//! (used for display formatting, which we do not use) and references are dropped, and `\d` becomes
//! `[0-9]`, since the regex crate compiles `\d` as the whole Unicode digit class while we only ever
//! match ASCII digits. `src/checks/phone.rs` anchors the patterns when it compiles them; the
//! agreement test (tests/cli/phone_agreement.rs) compares the result with libphonenumber.
//!
//! Output, in OUT_DIR: `territories.xml` (the fragments, comments removed, back to back) and
//! `territories.rs` (a table of `Territory` rows: region id, calling code, leading digits, byte range).

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
    let xml = fs::read_to_string(METADATA).expect("read the vendored phone metadata");
    let xml = remove_elements(&xml, "<!--", "-->");
    let xml = remove_elements(&xml, "<availableFormats>", "</availableFormats>");
    let xml = remove_elements(&xml, "<references>", "</references>");
    let xml = xml.replace("\\d", "[0-9]");

    let mut fragments = String::new();
    let mut table = String::from("&[\n");
    let mut rest = xml.as_str();
    while let Some(start) = rest.find("<territory ") {
        rest = &rest[start..];
        let end = rest.find("</territory>").expect("every territory is closed") + "</territory>".len();
        let fragment = &rest[..end];
        let open_tag = &fragment[..fragment.find('>').expect("territory start tag ends")];
        let id = attribute(open_tag, "id").expect("territory id");
        let code: u16 = attribute(open_tag, "countryCode").and_then(|c| c.parse().ok()).expect("calling code");
        let leading_digits = attribute(open_tag, "leadingDigits");
        let main = attribute(open_tag, "mainCountryForCode") == Some("true");
        let range = fragments.len()..fragments.len() + fragment.len();
        fragments.push_str(fragment);
        writeln!(
            table,
            "    Territory {{ id: {id:?}, code: {code}, main: {main}, leading_digits: {leading_digits:?}, xml: {}..{} }},",
            range.start, range.end
        )
        .unwrap();
        rest = &rest[end..];
    }
    table.push(']');

    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("territories.xml"), fragments).unwrap();
    fs::write(Path::new(&out).join("territories.rs"), table).unwrap();
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
        ("jinja2", &|| runs("python3", &["-c", "import jinja2"])),
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

fn remove_elements(xml: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        let end = rest[start..].find(close).expect("every element is closed");
        rest = &rest[start + end + close.len()..];
    }
    out.push_str(rest);
    out
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let len = tag[start..].find('"').expect("attribute value is closed");
    Some(&tag[start..start + len])
}
