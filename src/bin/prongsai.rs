//! `prongsai`: the native command line.
//!
//!   prongsai render DRAFT.json -o OUT.pdf [--digits thai|arabic] [--pdfa]
//!   prongsai validate DRAFT.json
//!   prongsai example
//!
//! DRAFT.json is a draft or an export file from the app. A bare draft's image ids are file
//! paths relative to the draft. Errors are explained in Thai, with a non-zero exit.

use prongsai::document::Images;
use prongsai::model::{validate, Bundle};
use prongsai::pipeline::render_pdf;
use prongsai::thai::Digits;
use prongsai::typeset::Engine;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "วิธีใช้:
  prongsai render ไฟล์ร่าง.json -o ผลลัพธ์.pdf [--digits thai|arabic] [--pdfa]
  prongsai validate ไฟล์ร่าง.json
  prongsai example";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("render") => render(&args[1..]),
        Some("validate") => check(&args[1..]),
        Some("example") => {
            println!("{}", prongsai::catalog::example::EXAMPLE_DRAFT_JSON.trim_end());
            Ok(())
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("คำสั่งไม่ถูกต้อง\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("ผิดพลาด: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads a draft or export file, with its images.
fn load(path: &Path) -> Result<(Bundle, Images), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("เปิดไฟล์ {} ไม่ได้ ({e})", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("ไฟล์ {} ไม่ใช่ข้อความ UTF-8", path.display()))?;
    let bundle = Bundle::from_json(&text).map_err(|e| e.thai())?;
    let mut images = Images::new();
    for (id, bytes) in &bundle.images {
        images.insert(id.clone(), bytes.clone()).map_err(|e| e.thai())?;
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    for id in bundle.draft.image_ids() {
        if images.contains(&id) {
            continue;
        }
        let file = dir.join(&id);
        let bytes = std::fs::read(&file).map_err(|_| format!("ไม่พบไฟล์ภาพ \"{id}\" (ค้นหาที่ {})", file.display()))?;
        images.insert(id.clone(), bytes).map_err(|e| e.thai())?;
    }
    Ok((bundle, images))
}

fn render(args: &[String]) -> Result<(), String> {
    let mut input: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    let mut digits = None;
    let mut pdfa = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--output" => output = Some(it.next().ok_or("ต้องระบุชื่อไฟล์หลัง -o")?.into()),
            "--pdfa" => pdfa = true,
            "--digits" => {
                digits = Some(match it.next().map(String::as_str) {
                    Some("thai") => Digits::Thai,
                    Some("arabic") => Digits::Arabic,
                    _ => return Err("--digits ต้องเป็น thai หรือ arabic".into()),
                })
            }
            other if !other.starts_with('-') && input.is_none() => input = Some(other.into()),
            other => return Err(format!("ไม่รู้จักตัวเลือก {other}\n{USAGE}")),
        }
    }
    let input = input.ok_or_else(|| format!("ต้องระบุไฟล์ร่าง\n{USAGE}"))?;
    let output = output.ok_or_else(|| format!("ต้องระบุไฟล์ผลลัพธ์ด้วย -o\n{USAGE}"))?;
    let (bundle, images) = load(&input)?;
    let mut draft = bundle.draft;
    if let Some(d) = digits {
        draft.options.digits = d;
    }
    draft.options.pdfa |= pdfa;
    let pdf = render_pdf(&draft, &images, Engine::embedded()).map_err(|e| e.thai())?;
    std::fs::write(&output, &pdf).map_err(|e| format!("เขียนไฟล์ {} ไม่ได้ ({e})", output.display()))?;
    eprintln!("สร้าง {} แล้ว ({} ไบต์)", output.display(), pdf.len());
    Ok(())
}

fn check(args: &[String]) -> Result<(), String> {
    let [path] = args else {
        return Err(format!("ต้องระบุไฟล์ร่างหนึ่งไฟล์\n{USAGE}"));
    };
    let (bundle, _) = load(Path::new(path))?;
    let problems = validate(&bundle.draft);
    if problems.is_empty() {
        println!("ร่างรายงานครบถ้วน ไม่พบปัญหา");
        return Ok(());
    }
    for p in &problems {
        println!("{} ({}): {}", bundle.draft.field_label(&p.field), p.field, p.message);
    }
    Err(format!("พบปัญหา {} รายการ", prongsai::thai::Digits::Thai.number(problems.len())))
}
