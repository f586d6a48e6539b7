//! The ways to install a binary in seconds: release archives (.github/scripts/package.sh), `cargo
//! binstall`'s metadata, the npm packages and the Python wheel, each installed and run as a user
//! would, offline.

use std::path::{Path, PathBuf};
use std::process::Command;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(command: &mut Command) -> String {
    let output = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{command:?} failed:\n{stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// The release targets, as the release workflow's build matrix lists them.
fn release_targets() -> Vec<String> {
    let workflow = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    let targets: Vec<String> = workflow
        .lines()
        .filter_map(|line| line.trim().strip_prefix("- { target: "))
        .map(|rest| rest.split(',').next().unwrap().trim().to_string())
        .collect();
    assert_eq!(targets.len(), 5, "{targets:?}");
    targets
}

/// What an archive holds: the binary these tests run, or, where only the archive's layout and
/// names are checked, a few bytes in its place (packing the 90 MB debug binary five times over
/// took most of the suite's minute).
#[derive(Clone, Copy)]
enum Packed {
    TheBinary,
    AStandIn,
}

/// The release archive of `target`, packed by the release's script.
fn archive(target: &str, out: &Path, packed: Packed) -> PathBuf {
    let stand_in = out.join("stand-in-binary");
    let binary = match packed {
        Packed::TheBinary => crate::support::binary().to_path_buf(),
        Packed::AStandIn => {
            std::fs::write(&stand_in, "#!/bin/sh\necho stand-in\n").unwrap();
            stand_in
        }
    };
    if target.contains("windows") {
        // package.sh zips with 7-Zip on the Windows runner; here, the same layout with Python's.
        let stage = tempfile::tempdir().unwrap();
        let folder = stage.path().join(format!("ssq-gen-{VERSION}-{target}"));
        std::fs::create_dir(&folder).unwrap();
        std::fs::copy(&binary, folder.join("ssq-gen.exe")).unwrap();
        let zip = out.join(format!("ssq-gen-{VERSION}-{target}.zip"));
        run(Command::new("python3").args(["-m", "zipfile", "-c"]).arg(&zip).arg(&folder));
        return zip;
    }
    let packed = run(Command::new("bash")
        .arg(root().join(".github/scripts/package.sh"))
        .arg(target)
        .arg(out)
        .env("SSQ_GEN_BINARY", &binary));
    PathBuf::from(packed.trim())
}

/// `cargo binstall` finds the archive and the binary in it where the release puts them.
fn binstall_metadata_names_the_release_archives() {
    // Read by Python's tomllib, as a TOML reader of its own.
    let json = run(Command::new("python3")
        .args(["-c", "import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], 'rb'))))"])
        .arg(root().join("Cargo.toml")));
    let manifest: serde_json::Value = serde_json::from_str(&json).unwrap();
    let package = &manifest["package"];
    let binstall = &package["metadata"]["binstall"];
    let expand = |template: &str, target: &str| {
        template
            .replace("{ repo }", package["repository"].as_str().unwrap())
            .replace("{ version }", VERSION)
            .replace("{ name }", "ssq-gen")
            .replace("{ target }", target)
            .replace("{ bin }", "ssq-gen")
            .replace("{ binary-ext }", if target.contains("windows") { ".exe" } else { "" })
    };
    let out = tempfile::tempdir().unwrap();
    for target in release_targets() {
        let meta =
            binstall["overrides"].get(target.as_str()).and_then(|o| o.get("pkg-url")).unwrap_or(&binstall["pkg-url"]);
        let url = expand(meta.as_str().unwrap(), &target);
        let archive = archive(&target, out.path(), Packed::AStandIn);
        let name = archive.file_name().unwrap().to_str().unwrap();
        assert_eq!(url, format!("https://github.com/ssq-gen/ssq-gen/releases/download/v{VERSION}/{name}"));
        let format =
            binstall["overrides"].get(target.as_str()).and_then(|o| o.get("pkg-fmt")).unwrap_or(&binstall["pkg-fmt"]);
        assert_eq!(format.as_str().unwrap(), if name.ends_with(".zip") { "zip" } else { "tgz" }, "{target}");
        if name.ends_with(".tar.gz") {
            let listing = run(Command::new("tar").arg("-tzf").arg(&archive));
            let bin = expand(binstall["bin-dir"].as_str().unwrap(), &target);
            assert!(listing.lines().any(|entry| entry == bin), "{bin} in {listing}");
        }
    }
}

/// The launcher and the Linux x64 package, packed by npm and installed into a new project
/// offline (an empty cache: nothing can come from the registry), run through npx.
fn npm_packages_install_offline_and_run() {
    let work = tempfile::tempdir().unwrap();
    let cache = work.path().join("cache");
    let dist = work.path().join("dist");
    let archive = archive("x86_64-unknown-linux-gnu", &dist, Packed::TheBinary);
    let platform = run(Command::new("bash")
        .arg(root().join("npm/platform.sh"))
        .args(["x86_64-unknown-linux-gnu"])
        .arg(&archive)
        .arg(dist.join("npm")));
    let npm_pack = |folder: &Path| {
        let tarball = run(Command::new("npm")
            .arg("pack")
            .arg(folder)
            .arg("--pack-destination")
            .arg(&dist)
            .arg("--cache")
            .arg(&cache));
        dist.join(tarball.lines().last().unwrap().trim())
    };
    let launcher = npm_pack(&root().join("npm/ssq-gen"));
    let binary = npm_pack(Path::new(platform.trim()));
    let project = work.path().join("project");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(project.join("package.json"), r#"{"name": "site", "version": "1.0.0", "private": true}"#).unwrap();
    run(Command::new("npm")
        .args(["install", "--offline", "--no-audit", "--no-fund", "--cache"])
        .arg(&cache)
        .arg(&launcher)
        .arg(&binary)
        .current_dir(&project));

    let npx = || {
        let mut npx = Command::new("npx");
        npx.args(["--offline", "--cache"]).arg(&cache).arg("ssq-gen").current_dir(&project);
        npx
    };
    assert_eq!(run(npx().arg("--version")), format!("ssq-gen {VERSION}\n"));
    run(npx().arg("lint").arg(root().join("examples/profile.ssq.toml")));
    let bad =
        npx().arg("lint").arg(root().join("src/diagnostics/examples/SSQ204-phone-letters.toml")).output().unwrap();
    assert_eq!(bad.status.code(), Some(1), "the binary's exit status comes through");
    assert!(String::from_utf8_lossy(&bad.stdout).contains("error[SSQ204]"));
}

/// Every release target has an npm package the launcher lists, at this version, and the release
/// workflow publishes each.
fn npm_packages_cover_every_release_target() {
    let launcher: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("npm/ssq-gen/package.json")).unwrap()).unwrap();
    assert_eq!(launcher["version"], VERSION);
    let optional = launcher["optionalDependencies"].as_object().unwrap();
    let workflow = std::fs::read_to_string(root().join(".github/workflows/release.yml")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut names = Vec::new();
    for target in release_targets() {
        let archive = archive(&target, out.path(), Packed::AStandIn);
        let folder = run(Command::new("bash")
            .arg(root().join("npm/platform.sh"))
            .arg(&target)
            .arg(&archive)
            .arg(out.path().join("npm")));
        let manifest: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(Path::new(folder.trim()).join("package.json")).unwrap())
                .unwrap();
        let name = manifest["name"].as_str().unwrap().to_string();
        assert_eq!(optional.get(&name), Some(&serde_json::Value::from(VERSION)), "{name}");
        assert_eq!(manifest["version"], VERSION);
        assert!(manifest["os"].is_array() && manifest["cpu"].is_array(), "{manifest}");
        if target.contains("linux") {
            assert_eq!(manifest["libc"], serde_json::json!(["glibc", "musl"]), "the Linux binaries are static");
        }
        assert!(workflow.contains(&format!(" {target}")), "release.yml publishes {target}");
        names.push(name);
    }
    names.sort();
    let mut listed: Vec<_> = optional.keys().cloned().collect();
    listed.sort();
    assert_eq!(names, listed, "no optional dependency without a release target");
}

/// The wheel (maturin, `bindings = "bin"`) and `pip install .`, each into a fresh venv, put
/// `ssq-gen` on the venv's PATH. Built with the dev profile: the packaging is what is tested here,
/// not the optimizer. In the tests' own target folder: maturin reuses every artifact the tests'
/// build shares with a normal build, where a folder of its own would build every dependency again
/// (on a clean clone it compiles the 9 crates whose features the dev-dependencies still change,
/// the regular expressions' and those above them, 14 s: Cargo.toml; the tests run a copy of the
/// binary, `support::binary`, so the rebuild does not pull it from them).
fn the_wheel_and_pip_install_put_ssq_gen_on_path() {
    let target = root().join("target");
    let work = tempfile::tempdir().unwrap();
    let wheels = work.path().join("wheels");
    run(Command::new("maturin")
        .args(["build", "--locked", "--quiet", "--profile", "dev", "--out"])
        .arg(&wheels)
        .env("CARGO_TARGET_DIR", &target)
        .current_dir(root()));
    let wheel = std::fs::read_dir(&wheels).unwrap().next().unwrap().unwrap().path();
    let name = wheel.file_name().unwrap().to_str().unwrap().to_string();
    assert!(name.starts_with(&format!("ssq_gen-{VERSION}-py3-none-")), "{name}");

    // Each venv without a pip of its own (ensurepip took 3 s a venv): the machine's pip installs
    // into it (`--python`), as the venv's own would. The machine's Python by its own path, not
    // whichever `python3` comes first on a venv's PATH.
    let python = run(Command::new("python3").args(["-c", "import sys; print(sys.executable)"]));
    let python = python.trim();
    let venv = |name: &str, args: &[&str]| {
        let path = work.path().join(name);
        run(Command::new(python).args(["-m", "venv", "--without-pip"]).args(args).arg(&path));
        path
    };
    let pip_install = |venv: &Path| {
        let mut pip = Command::new(python);
        pip.args(["-m", "pip", "--python"]).arg(venv.join("bin/python")).args(["install", "--quiet", "--no-index"]);
        pip
    };
    let lints = |venv: &Path| {
        let bin = venv.join("bin");
        let path = format!("{}:/usr/bin:/bin", bin.display());
        let version = run(Command::new("ssq-gen").arg("--version").env("PATH", &path));
        assert_eq!(version, format!("ssq-gen {VERSION}\n"));
        run(Command::new(bin.join("ssq-gen")).arg("lint").arg(root().join("examples/profile.ssq.toml")));
    };
    let from_wheel = venv("from-wheel", &[]);
    run(pip_install(&from_wheel).arg(&wheel));
    lints(&from_wheel);

    // `pip install .`, offline: the build backend is this machine's maturin (seen through the
    // system's site-packages), with the same profile.
    let from_source = venv("from-source", &["--system-site-packages"]);
    run(pip_install(&from_source)
        .args(["--no-build-isolation", "."])
        .env("MATURIN_PEP517_ARGS", "--profile dev")
        .env("CARGO_TARGET_DIR", &target)
        .env("PATH", format!("{}:{}", from_source.join("bin").display(), std::env::var("PATH").unwrap()))
        .current_dir(root()));
    lints(&from_source);
}

tests! {
    binstall_metadata_names_the_release_archives ["python3"],
    npm_packages_install_offline_and_run ["npm", "node"],
    npm_packages_cover_every_release_target ["python3"],
    the_wheel_and_pip_install_put_ssq_gen_on_path ["maturin", "python3"],
}
