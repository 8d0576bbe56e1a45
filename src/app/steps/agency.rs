//! Step 1: the agency. Province, district and subdistrict suggestions come from the Thai
//! address dataset, fetched when this step first opens.

use crate::app::engine::fetch_bytes;
use crate::app::fields::{SelectField, TextField};
use crate::app::state::AppState;
use crate::model::path::AgencyField;
use crate::model::{AgencyKind, FieldPath};
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
    let province = FieldPath::Agency(AgencyField::Province);
    let district = FieldPath::Agency(AgencyField::District);
    // Memos: the suggestion lists change only when the province or district does.
    let provinces = Memo::new(move |_| {
        loaded.track();
        ADDRESS.get().map(|a| a.iter().map(|(p, _)| p.clone()).collect::<Vec<String>>()).unwrap_or_default()
    });
    let districts = {
        let province = province.clone();
        Memo::new(move |_| {
            loaded.track();
            let province = st.field(&province, |d| d.agency.province.trim().to_string());
            ADDRESS
                .get()
                .and_then(|a| a.iter().find(|(p, _)| *p == province))
                .map(|(_, ds)| ds.iter().map(|(d, _)| d.clone()).collect::<Vec<String>>())
                .unwrap_or_default()
        })
    };
    let subdistricts = Memo::new(move |_| {
        loaded.track();
        let province = st.field(&province, |d| d.agency.province.trim().to_string());
        let district = st.field(&district, |d| d.agency.district.trim().to_string());
        ADDRESS
            .get()
            .and_then(|a| a.iter().find(|(p, _)| *p == province))
            .and_then(|(_, ds)| ds.iter().find(|(d, _)| *d == district))
            .map(|(_, ts)| ts.clone())
            .unwrap_or_default()
    });
    let (provinces, districts, subdistricts): (Suggestions, Suggestions, Suggestions) =
        (provinces.into(), districts.into(), subdistricts.into());
    let kinds = AgencyKind::ALL.iter().map(|k| (k.key().to_string(), k.label().to_string())).collect();
    let units = Signal::derive(|| UNITS.iter().map(|u| u.to_string()).collect());
    let a = FieldPath::Agency;
    let full_name = move || {
        st.field(&a(AgencyField::Kind), |_| ());
        st.field(&a(AgencyField::Name), |d| d.agency.full_name())
    };
    view! {
        <p class="lead">"ข้อมูลนี้ใช้ในบันทึกข้อความ หน้าปก และคำนำของรายงาน"</p>
        <div class="grid two">
            <SelectField path=a(AgencyField::Kind) label="ประเภทหน่วยงาน" options=kinds />
            <TextField
                path=a(AgencyField::Name)
                label="ชื่อหน่วยงาน"
                hint=Some("ไม่ต้องพิมพ์ประเภทหน่วยงาน เช่น พิมพ์เพียง เขาสมอคอน")
                suggestions=Some(subdistricts)
            />
            <TextField path=a(AgencyField::Province) label="จังหวัด" suggestions=Some(provinces) />
            <TextField path=a(AgencyField::District) label="อำเภอ / เขต" suggestions=Some(districts) />
            <TextField path=a(AgencyField::Unit) label="ส่วนราชการที่จัดทำรายงาน" hint=Some("เช่น สำนักปลัด") suggestions=Some(units) />
            <TextField
                path=a(AgencyField::Phone)
                label="โทรศัพท์"
                hint=Some("เช่น 0 3648 8123 (พิมพ์เลขอารบิกได้ เอกสารแสดงตามตัวเลือกตัวเลข)")
            />
            <TextField
                path=a(AgencyField::DocCode)
                label="รหัสหน่วยงานในเลขที่หนังสือ"
                hint=Some("เช่น ลบ ๗๖๓๐๑ (เลขทะเบียนหนังสือกรอกในขั้นตอนที่ ๖)")
            />
        </div>
        <p class="preview-line">
            "ชื่อเต็มในเอกสาร: "
            <strong class="nobr">{full_name}</strong>
        </p>
    }
    .into_any()
}
