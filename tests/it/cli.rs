//! The `prongsai` command line: render, validate, example, and clear Thai errors (never a
//! panic) for bad input.

use crate::common::*;
use std::process::{Command, Output};

fn prongsai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prongsai")).args(args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(name: &str, content: &str) -> String {
    let path = out_dir().join(name);
    std::fs::write(&path, content).unwrap();
    path.display().to_string()
}

#[test]
fn example_renders_and_validates() {
    let o = prongsai(&["example"]);
    assert!(o.status.success());
    let draft = write("cli-example.json", &String::from_utf8(o.stdout).unwrap());
    let v = prongsai(&["validate", &draft]);
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stdout));
    let pdf = out_dir().join("cli-example.pdf");
    let r = prongsai(&["render", &draft, "-o", pdf.to_str().unwrap()]);
    assert!(r.status.success(), "{}", stderr(&r));
    let text = pdftotext(&pdf);
    assert!(text.contains("องค์การบริหารส่วนตำบลเขาสมอคอน"));
    let arabic = out_dir().join("cli-example-arabic.pdf");
    assert!(prongsai(&["render", &draft, "-o", arabic.to_str().unwrap(), "--digits", "arabic", "--pdfa"])
        .status
        .success());
    assert!(pdftotext(&arabic).contains("2568"));
    assert_qpdf_ok(&arabic);
}

#[test]
fn validate_lists_thai_problems_and_fails() {
    let draft = write("cli-empty.json", r#"{"schema":2,"ita":{"score":140}}"#);
    let o = prongsai(&["validate", &draft]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("agency.name") && out.contains("กรุณากรอกชื่อหน่วยงาน"), "{out}");
    assert!(out.contains("ita.score") && out.contains("๑๔๐"), "{out}");
}

#[test]
fn bad_input_is_explained_in_thai_with_a_failing_exit() {
    let cases = [
        ("cli-malformed.json", "{\"schema\": 2, \"agency\": {", "JSON"),
        ("cli-newer.json", r#"{"schema": 999}"#, "รุ่นที่ใหม่กว่า"),
        ("cli-foreign.json", r#"{"name": "something else"}"#, "ไม่ใช่ไฟล์ร่างรายงาน"),
        ("cli-types.json", r#"{"schema": 2, "ita": {"score": "สูง"}}"#, "ข้อมูลในไฟล์ร่างไม่ถูกต้อง"),
        (
            "cli-missing-image.json",
            r#"{"schema": 2, "signers": {"reporter": {"signature": "no-such-file.png"}}}"#,
            "ไม่พบไฟล์ภาพ",
        ),
    ];
    for (name, content, expected) in cases {
        let draft = write(name, content);
        let pdf = out_dir().join(format!("{name}.pdf"));
        let o = prongsai(&["render", &draft, "-o", pdf.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(expected), "{name}: {}", stderr(&o));
    }
    let o = prongsai(&["render", "/nonexistent/draft.json", "-o", "/tmp/x.pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("เปิดไฟล์"));
    let o = prongsai(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("วิธีใช้"));
}

#[test]
fn images_next_to_a_bare_draft_are_found() {
    let dir = out_dir().join("cli-images");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join("tests/fixtures/signature.png"), dir.join("sign.png")).unwrap();
    let mut d = seed("seed-004");
    d.signers.reporter.name = "นายทดสอบ ภาพ".into();
    d.signers.reporter.signature = Some("sign.png".into());
    let draft = dir.join("draft.json");
    std::fs::write(&draft, serde_json::to_string(&d).unwrap()).unwrap();
    let pdf = dir.join("out.pdf");
    let o = prongsai(&["render", draft.to_str().unwrap(), "-o", pdf.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&pdf).unwrap().windows(6).any(|w| w == b"/SMask"), "the signature with its alpha");
}
