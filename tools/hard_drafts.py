"""Writes the two hard-case example drafts of tests/drafts/ from seed 000.

- hard-marks.json: every tone mark on every consonant (mid, high and low class), with and
  without upper vowels; ascender consonants (ป ฝ ฟ ฬ) whose marks shift; ฐ and ญ with lower
  vowels; sara am after tone marks; ฤ ฦ ฤๅ ฯ ๆ ฿; and one measure taller than a page, whose
  row continues on the next page.
- hard-mixed.json: Thai mixed with Latin, digits, codes, e-mail addresses and long URLs,
  with Arabic digits kept where Thai digits would be wrong; a photo with its caption and a
  drawn signature (tests/fixtures/), so the tagged PDF has figures of every kind.

Run from the repository root: python3 tools/hard_drafts.py
"""

import copy
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
seed = json.loads((ROOT / "tests/drafts/seed-000.json").read_text("utf-8"))

CONSONANTS = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
TONES = "\u0e48\u0e49\u0e4a\u0e4b"
UPPER = "\u0e34\u0e35\u0e36\u0e37\u0e31"


def syllables(vowel=""):
    return " ".join("".join(c + vowel + t for t in TONES) for c in CONSONANTS)


def measure(mid, name, steps, responsible="สำนักปลัด", period="ตุลาคม ๒๕๖๘ – กันยายน ๒๕๖๙", output="", outcome=""):
    return {
        "id": mid, "name": name, "steps": steps, "responsible": responsible, "period": period,
        "output": output, "outcome": outcome, "note": "",
    }


def draft(agency_name, groups, texts):
    d = copy.deepcopy(seed)
    d["agency"]["name"] = agency_name
    d["measures"] = groups
    d["texts"]["analysis_summary"] = texts
    return d


marks = draft(
    "น้ำซึมบ่อทราย",
    [
        {
            "id": "g1", "indicator": 1, "heading": "วรรณยุกต์ทุกรูปบนพยัญชนะทุกตัว",
            "measures": [
                measure("m1", "ไม่มีสระบน", syllables()),
                measure("m2", "สระบนกับวรรณยุกต์", "\n".join(syllables(v) for v in UPPER)),
                measure("m3", "ตัวอักษรหางยาวและสระล่าง",
                        "ปั่น ฝื้น ฟื้น ฬ่า ป๊า ฝ้าย ฟ้อง ปี่ ฝี่ ฟี้\nฐุ ฐู ญุ ญู กตัญญู ฐูป บุญญู\nฎุ ฏุ ฤๅษี ฦๅ ฤดู"),
                measure("m4", "สระอำหลังวรรณยุกต์",
                        "น้ำ ก้ำ ค่ำ ต่ำ ช้ำ ซ้ำ ย่ำ ร่ำ ล่ำ ห้ำ อ่ำ ค้ำ ด่ำ จ๋ำ\nน้ำใจ ค่ำคืน ต่ำต้อย ซ้ำซ้อน",
                        output="กรุงเทพฯ ฯลฯ ต่าง ๆ บ่อย ๆ ราคา ๑,๒๐๐ ฿ (หนึ่งพันสองร้อยบาทถ้วน)",
                        outcome="ไปรยาลน้อย ฯ และไม้ยมก ๆ อยู่ในบรรทัดเดียวกับคำก่อนหน้า"),
            ],
        },
        {
            "id": "g2", "indicator": 2, "heading": "แถวที่ยาวกว่าหนึ่งหน้า",
            "measures": [
                measure(
                    "m5", "มาตรการที่มีขั้นตอนยาวมาก",
                    "\n".join(
                        f"ขั้นตอนที่ {n} ตรวจสอบความถูกต้องของเอกสารประกอบการเบิกจ่ายงบประมาณ และรายงานผลต่อผู้บริหารท้องถิ่นเพื่อพิจารณาสั่งการ"
                        for n in "๑๒๓๔๕๖๗๘๙"
                    ) + "\n" + "\n".join(
                        f"ขั้นตอนที่ ๑{n} เผยแพร่ผลการดำเนินงานผ่านเว็บไซต์ของหน่วยงานและช่องทางออนไลน์อื่น ๆ ให้ประชาชนทราบ"
                        for n in "๐๑๒๓๔๕๖๗๘๙"
                    ),
                    output="เอกสารประกอบการเบิกจ่ายได้รับการตรวจสอบครบทุกฉบับ",
                    outcome="ประชาชนเชื่อมั่นในความโปร่งใสของการใช้จ่ายงบประมาณ",
                ),
            ],
        },
    ],
    "ข้อความนี้มีคำที่ยาก เช่น น้ำค้าง ผู้ใหญ่ ปั่นป่วน ฝืดเคือง ฟื้นฟู กตัญญูกตเวที ฐานราก ฤๅษี "
    "และคำซ้ำ เช่น ต่าง ๆ เพื่อทดสอบการตัดคำและการคัดลอกข้อความ",
)

mixed = draft(
    "เขาสมอคอน",
    [
        {
            "id": "g1", "indicator": 3, "heading": "ไทยปนอังกฤษและตัวเลข",
            "measures": [
                measure("m1", "ระบบ E-Service 4.0 และมาตรฐาน ISO 9001:2015",
                        "ให้บริการผ่านระบบ E-Service 4.0 ตลอด 24 ชั่วโมง ตามมาตรฐาน ISO 9001:2015 และ ISO/IEC 27001\n"
                        "ติดต่อ saraban@khaosamorkhon.go.th หรือโทร. 0 3648 8123 ต่อ 12",
                        responsible="งาน IT สำนักปลัด",
                        output="คะแนน ITA 2568 เท่ากับ 92.45 คะแนน (ระดับ A)",
                        outcome="ผู้รับบริการพึงพอใจร้อยละ 95.5"),
                measure("m2", "เผยแพร่ข้อมูลทางออนไลน์",
                        "https://www.facebook.com/อบต.เขาสมอคอน/posts/pfbid02xYzAbCdEfGhIjKlMnOpQrStUvWxYz1234567890\n"
                        "https://itas.nacc.go.th/go/iit/oit/2568/khaosamorkhon?tab=o12&section=measures&year=2568\n"
                        "www.khaosamorkhon.go.th/index.php?option=com_content&view=article&id=1234",
                        output="ลิงก์ QR Code บนเว็บไซต์ www.khaosamorkhon.go.th และ Line OA @khaosamorkhon",
                        outcome="จำนวนผู้เข้าชม 12,345 ครั้ง ในปี พ.ศ. ๒๕๖๘"),
            ],
        },
    ],
    "สรุปผลการประเมิน ITA (Integrity and Transparency Assessment) ปี 2568: OIT 95.00, IIT 88.25, "
    "EIT 90.10 ดูรายละเอียดที่ https://itas.nacc.go.th และ www.khaosamorkhon.go.th",
)

mixed["measures"][0]["measures"][0]["photos"] = [
    {"image": "../fixtures/photo.jpg", "caption": "ประชุมชี้แจงระบบ E-Service 4.0 วันที่ 12 มกราคม 2569"}
]
mixed["signers"]["reporter"]["signature"] = "../fixtures/signature.png"

for name, d in [("hard-marks", marks), ("hard-mixed", mixed)]:
    (ROOT / f"tests/drafts/{name}.json").write_text(json.dumps(d, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote tests/drafts/{name}.json")
