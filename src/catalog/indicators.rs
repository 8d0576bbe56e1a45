//! The ten ITA indicators (การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ).

/// Which assessment tool an indicator belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// Internal Integrity and Transparency Assessment (staff survey)
    Iit,
    /// External Integrity and Transparency Assessment (service users)
    Eit,
    /// Open Data Integrity and Transparency Assessment (published information)
    Oit,
}

impl Tool {
    pub fn code(self) -> &'static str {
        match self {
            Tool::Iit => "IIT",
            Tool::Eit => "EIT",
            Tool::Oit => "OIT",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Indicator {
    /// 1–10.
    pub number: u8,
    pub tool: Tool,
    pub name: &'static str,
}

pub const INDICATORS: [Indicator; 10] = [
    Indicator { number: 1, tool: Tool::Iit, name: "การปฏิบัติหน้าที่" },
    Indicator { number: 2, tool: Tool::Iit, name: "การใช้งบประมาณ" },
    Indicator { number: 3, tool: Tool::Iit, name: "การใช้อำนาจ" },
    Indicator {
        number: 4, tool: Tool::Iit, name: "การใช้ทรัพย์สินของราชการ"
    },
    Indicator {
        number: 5, tool: Tool::Iit, name: "การแก้ไขปัญหาการทุจริต"
    },
    Indicator { number: 6, tool: Tool::Eit, name: "คุณภาพการดำเนินงาน" },
    Indicator { number: 7, tool: Tool::Eit, name: "ประสิทธิภาพการสื่อสาร" },
    Indicator {
        number: 8, tool: Tool::Eit, name: "การปรับปรุงระบบการทำงาน"
    },
    Indicator { number: 9, tool: Tool::Oit, name: "การเปิดเผยข้อมูล" },
    Indicator { number: 10, tool: Tool::Oit, name: "การป้องกันการทุจริต" },
];

/// The indicator with this number (1–10).
pub fn indicator(number: u8) -> Option<&'static Indicator> {
    INDICATORS.get((number as usize).checked_sub(1)?)
}
