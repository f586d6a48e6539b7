// Shared by both targets: read → validate → render, with the invariants a hostile profile must
// never break.
use ssq_gen::report::Located;
use ssq_gen::snippet::{RenderOptions, render};
use ssq_gen::input::source::{Format, Source};

pub fn run(data: &[u8], format: Format) {
    let source = Source::from_bytes("fuzz".into(), data.to_vec(), Some(format));
    let checked = ssq_gen::check(source);
    for diagnostic in &checked.diagnostics {
        let located = Located::new(&checked.source, diagnostic);
        assert!(located.line >= 1 && located.column >= 1);
    }
    // The human report slices the source at every span: it must not panic.
    let human = ssq_gen::report::human::Human::new(false, false);
    for diagnostic in &checked.diagnostics {
        let _ = human.render(&checked.source, diagnostic);
    }
    let Some(profile) = &checked.profile else { return };
    for logout in [false, true] {
        let options = RenderOptions { profile_name: "fuzz", logout, ..Default::default() };
        let snippet = render(profile, &options).expect("a valid profile renders").html;
        let script = &snippet[snippet.find("<script>").unwrap()..];
        assert_eq!(script.to_ascii_lowercase().matches("</script").count(), 1, "{snippet}");
        assert!(!script.contains("<!--") && !script.contains('\u{2028}') && !script.contains('\u{2029}'));
    }
}
