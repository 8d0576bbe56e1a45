//! Step 1: the agency. Province, district and subdistrict suggestions come from the Thai
//! address dataset, fetched when this step first opens.

use crate::app::engine::fetch_bytes;
use crate::app::fields::{select_field, suggest_field, text_field};
use crate::app::state::AppState;
use crate::model::AgencyKind;
use leptos::prelude::*;
use std::sync::OnceLock;

type Address = Vec<(String, Vec<(String, Vec<String>)>)>;
type Suggestions = Signal<Vec<String>>;

/// The address tree, once loaded (a static: it is the same for every draft).
static ADDRESS: OnceLock<Address> = OnceLock::new();

fn address_signal() -> RwSignal<bool> {
    let loaded = RwSignal::new(ADDRESS.get().is_some());
    if !loaded.get_untracked() {
        leptos::task::spawn_local(async move {
            if let Ok(bytes) = fetch_bytes("data/thai-address.json").await {
                if let Ok(tree) = serde_json::from_slice::<Address>(&bytes) {
                    let _ = ADDRESS.set(tree);
                    // The step may have been left meanwhile.
                    loaded.try_set(true);
                }
            }
        });
    }
    loaded
}

const UNITS: [&str; 8] = [
    "สำนักปลัด",
    "สำนักงานปลัด",
    "กองคลัง",
    "กองช่าง",
    "กองการศึกษา ศาสนาและวัฒนธรรม",
    "กองสาธารณสุขและสิ่งแวดล้อม",
    "กองสวัสดิการสังคม",
    "หน่วยตรวจสอบภายใน",
];

pub fn view(st: AppState) -> AnyView {
    let loaded = address_signal();
    // Memos: the suggestion lists change only when the province or district does.
    let provinces = Memo::new(move |_| {
        loaded.track();
        ADDRESS.get().map(|a| a.iter().map(|(p, _)| p.clone()).collect::<Vec<String>>()).unwrap_or_default()
    });
    let districts = Memo::new(move |_| {
        loaded.track();
        let province = st.draft.with(|d| d.agency.province.trim().to_string());
        ADDRESS
            .get()
            .and_then(|a| a.iter().find(|(p, _)| *p == province))
            .map(|(_, ds)| ds.iter().map(|(d, _)| d.clone()).collect::<Vec<String>>())
            .unwrap_or_default()
    });
    let subdistricts = Memo::new(move |_| {
        loaded.track();
        let (province, district) =
            st.draft.with(|d| (d.agency.province.trim().to_string(), d.agency.district.trim().to_string()));
        ADDRESS
            .get()
            .and_then(|a| a.iter().find(|(p, _)| *p == province))
            .and_then(|(_, ds)| ds.iter().find(|(d, _)| *d == district))
            .map(|(_, ts)| ts.clone())
            .unwrap_or_default()
    });
    let (provinces, districts, subdistricts): (Suggestions, Suggestions, Suggestions) =
        (provinces.into(), districts.into(), subdistricts.into());
    let kinds = AgencyKind::ALL
        .iter()
        .map(|k| {
            (
                serde_json::to_value(k).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                k.label().to_string(),
            )
        })
        .collect();
    let units = Signal::derive(|| UNITS.iter().map(|u| u.to_string()).collect());
    view! {
        <p class="lead">"ข้อมูลนี้ใช้ในบันทึกข้อความ หน้าปก และคำนำของรายงาน"</p>
        <div class="grid two">
            {select_field(
                st,
                "agency.kind".to_string(),
                "ประเภทหน่วยงาน",
                kinds,
                |d| serde_json::to_value(d.agency.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                |d, v| {
                    if let Ok(k) = serde_json::from_value(serde_json::Value::String(v)) {
                        d.agency.kind = k;
                    }
                },
            )}
            {suggest_field(
                st,
                "agency.name".to_string(),
                "ชื่อหน่วยงาน",
                Some("ไม่ต้องพิมพ์ประเภทหน่วยงาน เช่น พิมพ์เพียง เขาสมอคอน"),
                Some(subdistricts),
                |d| d.agency.name.clone(),
                |d, v| d.agency.name = v,
            )}
            {suggest_field(st, "agency.province".to_string(), "จังหวัด", None, Some(provinces), |d| d.agency.province.clone(), |d, v| d.agency.province = v)}
            {suggest_field(st, "agency.district".to_string(), "อำเภอ / เขต", None, Some(districts), |d| d.agency.district.clone(), |d, v| d.agency.district = v)}
            {suggest_field(
                st,
                "agency.unit".to_string(),
                "ส่วนราชการที่จัดทำรายงาน",
                Some("เช่น สำนักปลัด"),
                Some(units),
                |d| d.agency.unit.clone(),
                |d, v| d.agency.unit = v,
            )}
            {text_field(st, "agency.phone".to_string(), "โทรศัพท์", Some("เช่น 0 3648 8123 (พิมพ์เลขอารบิกได้ เอกสารแสดงตามตัวเลือกตัวเลข)"), |d| d.agency.phone.clone(), |d, v| d.agency.phone = v)}
            {text_field(
                st,
                "agency.doc_code".to_string(),
                "รหัสหน่วยงานในเลขที่หนังสือ",
                Some("เช่น ลบ ๗๖๓๐๑ (เลขทะเบียนหนังสือกรอกในขั้นตอนที่ ๖)"),
                |d| d.agency.doc_code.clone(),
                |d, v| d.agency.doc_code = v,
            )}
        </div>
        <p class="preview-line">
            "ชื่อเต็มในเอกสาร: "
            <strong class="nobr">{move || st.draft.with(|d| d.agency.full_name())}</strong>
        </p>
    }
    .into_any()
}
