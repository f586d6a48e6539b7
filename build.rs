//! Compiles libphonenumber's metadata into the binary: every territory as a row of Rust data, its
//! validation plan finished (each number type's lengths, their union, and every pattern as
//! bytecode, `src/checks/phone/pattern.rs`), so that validating a number reads no XML, compiles no
//! regular expression and builds nothing at run time. The phonenumber crate reads the XML here,
//! with its own loader.
//!
//! Its other job is to embed the rule examples that `src/diagnostics/explanations.md` links to, so
//! that `ssq-gen rules CODE` prints the very files the tests run (`src/diagnostics/examples/`, the
//! one set of rule examples). It runs no program. The test suites find the programs they drive when
//! they run (tests/cli/tools.rs).
//!
//! And in a debug build on Linux, the `ssq-gen` binary is linked without its line tables (the test
//! binaries keep theirs, for backtraces): the suites copy, pack and install it, which at 31 MB
//! instead of 59 MB took 7 CPU-seconds less (the npm package and the Action's mirror). A panic
//! message still names its file and line; a backtrace of the binary names its functions.
//!
//! Output, in OUT_DIR: `territories.rs`, a table of `Territory` rows (region id, calling code, and
//! the `Plan` that `src/checks/phone.rs` validates with). The agreement test
//! (tests/cli/phone_agreement.rs) compares the result with libphonenumber. And `rule_examples.rs`,
//! a table of `(file name, text)`.

#[path = "src/checks/phone/pattern.rs"]
mod pattern;

use std::fmt::Write as _;
use std::{env, fs, path::Path};

const METADATA: &str = "src/checks/phone/PhoneNumberMetadata.xml";
const EXPLANATIONS: &str = "src/diagnostics/explanations.md";
const EXAMPLES: &str = "src/diagnostics/examples";

fn main() {
    println!("cargo:rerun-if-changed={METADATA}");
    println!("cargo:rerun-if-changed=src/checks/phone/pattern.rs");
    compile_phone_metadata();
    println!("cargo:rerun-if-changed={EXPLANATIONS}");
    embed_rule_examples();
    let linux = env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux");
    if linux && env::var("PROFILE").as_deref() == Ok("debug") {
        println!("cargo:rustc-link-arg-bins=-Wl,--strip-debug");
    }
}

/// `rule_examples.rs`: each example `explanations.md` links to (`](examples/NAME)`), as
/// `("NAME", include_str!(…))`. A link to a file that is not there fails the build.
fn embed_rule_examples() {
    let text = fs::read_to_string(EXPLANATIONS).expect("read explanations.md");
    let folder = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(EXAMPLES);
    let mut table = String::from("&[\n");
    for link in text.split("](examples/").skip(1) {
        let name = &link[..link.find(')').expect("explanations.md: a link is closed")];
        let path = folder.join(name);
        assert!(path.is_file(), "explanations.md links to {name}, which is not in {EXAMPLES}");
        writeln!(table, "    ({name:?}, include_str!({:?})),", path.display()).unwrap();
    }
    table.push(']');
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("rule_examples.rs"), table).unwrap();
}

/// A pattern's bytecode, as a `&'static [u8]` expression.
fn bytecode(pattern: &str) -> String {
    let code = pattern::compile(pattern).unwrap_or_else(|err| panic!("phone metadata: {err}"));
    let mut literal = String::from("b\"");
    for byte in code {
        write!(literal, "\\x{byte:02x}").unwrap();
    }
    literal.push_str("\".as_slice()");
    literal
}

/// Sorted, without repeats.
fn union(lengths: impl Iterator<Item = u16>) -> Vec<u16> {
    let mut all: Vec<u16> = lengths.collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// The phone metadata as `territories.rs` (see the top of this file).
fn compile_phone_metadata() {
    use phonenumber::metadata::loader::{self, Descriptor};
    let file = fs::File::open(METADATA).expect("read the vendored phone metadata");
    let territories = loader::load(std::io::BufReader::new(file)).expect("the phone metadata loads");
    let compiled = |pattern: Option<&str>| match pattern {
        Some(pattern) => format!("Some({})", bytecode(pattern)),
        None => "None".to_string(),
    };
    // Whitespace in the XML is layout, not pattern.
    let text = |text: &Option<String>| -> Option<String> {
        text.as_ref().map(|t| t.chars().filter(|c| !c.is_whitespace()).collect())
    };
    let mut table = String::from("&[\n");
    for meta in &territories {
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
        let types: Vec<(&str, &Descriptor)> = described
            .into_iter()
            .flatten()
            .filter_map(|descriptor| Some((descriptor.national_number.as_deref()?, descriptor)))
            .collect();
        // The general description's lengths are the union of the types', which libphonenumber
        // computes when it builds its metadata (the XML leaves them out); local-only lengths are
        // those no type has as a full length.
        let lengths = union(types.iter().flat_map(|(_, d)| d.possible_length.iter().copied()));
        let local_lengths: Vec<u16> = union(types.iter().flat_map(|(_, d)| d.possible_local_length.iter().copied()))
            .into_iter()
            .filter(|l| !lengths.contains(l))
            .collect();
        let plan = match meta.general.as_ref().and_then(|d| d.national_number.as_deref()) {
            None => "None".to_string(),
            Some(general) => {
                let mut descs = String::new();
                for (pattern, descriptor) in &types {
                    write!(
                        descs,
                        "Desc {{ pattern: {}, lengths: &{:?} }}, ",
                        bytecode(pattern),
                        descriptor.possible_length
                    )
                    .unwrap();
                }
                // Without a pattern of its own, the national prefix is what is stripped.
                let national_prefix = meta.national_prefix_for_parsing.as_deref().or(meta.national_prefix.as_deref());
                format!(
                    "Some(Plan {{ code: {}, general: Desc {{ pattern: {}, lengths: &{lengths:?} }}, local_lengths: &{local_lengths:?}, \
                     types: &[{descs}], international_prefix: {}, national_prefix: {}, national_prefix_transform_rule: {:?}, \
                     leading_digits: {} }})",
                    meta.country_code.expect("calling code"),
                    bytecode(general),
                    compiled(meta.international_prefix.as_deref()),
                    compiled(national_prefix),
                    text(&meta.national_prefix_transform_rule),
                    compiled(meta.leading_digits.as_deref()),
                )
            }
        };
        writeln!(
            table,
            "    Territory {{ id: {:?}, code: {}, main: {}, plan: {plan} }},",
            meta.id.as_deref().expect("territory id"),
            meta.country_code.expect("calling code"),
            meta.main_country_for_code,
        )
        .unwrap();
    }
    table.push(']');
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out).join("territories.rs"), table).unwrap();
}
