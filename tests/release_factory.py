"""Builds small but complete O*NET-layout releases for tests, and broken variants of them."""

from __future__ import annotations

import zipfile
from pathlib import Path

from passionpath.catalog._layout import SPECS

OCCUPATIONS = {
    "51-3011.00": ("Bakers", "Mix and bake breads, cakes and pastries.", 2, "RCE"),
    "15-1252.00": ("Software Developers", "Design and build computer programs.", 4, "ICR"),
    "27-2022.00": ("Coaches and Scouts", "Train athletes and teams.", 4, "SER"),
}
INTEREST_NAMES = [
    "Realistic",
    "Investigative",
    "Artistic",
    "Social",
    "Enterprising",
    "Conventional",
]
INTERESTS = {
    "51-3011.00": [6.5, 2.0, 3.1, 2.2, 3.0, 4.0],
    "15-1252.00": [3.5, 6.8, 2.9, 1.8, 2.4, 5.1],
    "27-2022.00": [3.9, 2.1, 1.9, 6.6, 5.3, 2.0],
}
SKILLS = {"2.A.1.a": "Reading Comprehension", "2.B.3.e": "Programming"}
SKILL_VALUES = {  # code -> {element: (IM, LV)}
    "51-3011.00": {"2.A.1.a": (2.9, 2.5), "2.B.3.e": (1.0, 0.0)},
    "15-1252.00": {"2.A.1.a": (4.0, 4.6), "2.B.3.e": (4.6, 5.9)},
    "27-2022.00": {"2.A.1.a": (3.5, 3.4), "2.B.3.e": (1.2, 0.3)},
}


def _line(*values: object) -> str:
    return "\t".join(str(v) for v in values)


def release_files() -> dict[str, list[str]]:
    """File name -> lines (header first). A small release that every importer path touches."""
    files: dict[str, list[str]] = {}

    def add(name: str, rows: list[str]) -> None:
        files[name] = ["\t".join(SPECS[name].layouts[0]), *rows]

    add("Occupation Data.txt", [_line(c, t, d) for c, (t, d, _, _) in OCCUPATIONS.items()])
    add(
        "Job Zones.txt",
        [_line(c, z, "08/2023", "Analyst") for c, (_, _, z, _) in OCCUPATIONS.items()],
    )
    interests = []
    for code, values in INTERESTS.items():
        for i, (name, value) in enumerate(zip(INTEREST_NAMES, values, strict=True)):
            interests.append(
                _line(
                    code,
                    f"1.B.1.{'abcdef'[i]}",
                    name,
                    "OI",
                    f"{value:.2f}",
                    "11/2023",
                    "Machine Learning",
                )
            )
        letters = OCCUPATIONS[code][3]
        for slot, letter in zip("ghi", letters, strict=True):
            interests.append(
                _line(
                    code,
                    f"1.B.1.{slot}",
                    "High-Point",
                    "IH",
                    f"{'RIASEC'.index(letter) + 1:.2f}",
                    "11/2023",
                    "ML",
                )
            )
    add("Interests.txt", interests)
    skills = []
    for code, values in SKILL_VALUES.items():
        for element, (im, lv) in values.items():
            name = SKILLS[element]
            skills.append(
                _line(
                    code,
                    element,
                    name,
                    "IM",
                    im,
                    8,
                    "0.1",
                    "n/a",
                    "n/a",
                    "N",
                    "n/a",
                    "08/2023",
                    "Analyst",
                )
            )
            relevant = "Y" if im < 1.5 else "N"
            suppress = "Y" if code == "27-2022.00" and element == "2.B.3.e" else "N"
            skills.append(
                _line(
                    code,
                    element,
                    name,
                    "LV",
                    lv,
                    8,
                    "0.1",
                    "n/a",
                    "n/a",
                    suppress,
                    relevant,
                    "08/2023",
                    "Analyst",
                )
            )
    add("Skills.txt", skills)
    add(
        "Knowledge.txt",
        [
            _line(
                "51-3011.00",
                "2.C.1.f",
                "Food Production",
                "IM",
                4.4,
                "n/a",
                "n/a",
                "n/a",
                "n/a",
                "N",
                "n/a",
                "08/2023",
                "Analyst",
            )
        ],
    )
    add(
        "Work Values.txt",
        [_line(c, "1.B.2.a", "Achievement", "EX", 5.0, "06/2008", "Analyst") for c in OCCUPATIONS],
    )
    add(
        "Work Styles.txt",
        [
            _line(
                c,
                "1.C.1.b",
                "Persistence",
                "IM",
                4.1,
                20,
                "0.1",
                "n/a",
                "n/a",
                "N",
                "08/2023",
                "Incumbent",
            )
            for c in OCCUPATIONS
        ],
    )
    add(
        "Education, Training, and Experience.txt",
        [
            _line(
                "51-3011.00",
                "2.D.1",
                "Required Level of Education",
                "RL",
                2,
                70.0,
                20,
                "n/a",
                "n/a",
                "n/a",
                "N",
                "08/2023",
                "Incumbent",
            ),
            _line(
                "51-3011.00",
                "2.D.1",
                "Required Level of Education",
                "RL",
                3,
                30.0,
                20,
                "n/a",
                "n/a",
                "n/a",
                "N",
                "08/2023",
                "Incumbent",
            ),
            _line(
                "51-3011.00",
                "2.D.4.a",
                "Job-Related Professional Certification",
                "IM",
                "n/a",
                2.1,
                20,
                "n/a",
                "n/a",
                "n/a",
                "n/a",
                "08/2023",
                "Incumbent",
            ),
        ],
    )
    add(
        "Education, Training, and Experience Categories.txt",
        [
            _line("2.D.1", "Required Level of Education", "RL", 2, "High school diploma"),
            _line("2.D.1", "Required Level of Education", "RL", 3, "Post-secondary certificate"),
        ],
    )
    add(
        "Job Zone Reference.txt",
        [_line(z, f"Job Zone {z}", "exp", "edu", "training", "ex", "svp") for z in range(1, 6)],
    )
    add(
        "Technology Skills.txt",
        [
            _line(
                "15-1252.00", "Python", 43232405, "Object oriented development software", "Y", "Y"
            ),
            _line("51-3011.00", "Microsoft Excel", 43232110, "Spreadsheet software", "N", "N"),
        ],
    )
    add(
        "Task Statements.txt",
        [
            _line(
                "51-3011.00", 101, "Shape dough into loaves.", "Core", 20, "08/2023", "Incumbent"
            ),
            _line("15-1252.00", 102, "Write and test code.", "Core", "n/a", "08/2023", "Incumbent"),
        ],
    )
    add(
        "Alternate Titles.txt",
        [
            _line("51-3011.00", "Pastry Chef", "n/a", "08"),
            _line("51-3011.00", "Bread Baker", "n/a", "08"),
            _line("15-1252.00", "Application Developer", "App Developer", "08"),
            _line("27-2022.00", "Football Coach", "n/a", "08"),
        ],
    )
    add(
        "Related Occupations.txt",
        [
            _line("51-3011.00", "27-2022.00", "Primary-Short", 1),
            _line("15-1252.00", "51-3011.00", "Supplemental", 1),
        ],
    )
    add(
        "Content Model Reference.txt",
        [
            _line("2.A.1.a", "Reading Comprehension", "Understanding written sentences."),
            _line("2.B.3.e", "Programming", "Writing computer programs."),
        ],
    )
    add("Scales Reference.txt", [_line("IM", "Importance", 1, 5), _line("LV", "Level", 0, 7)])
    add(
        "Level Scale Anchors.txt",
        [
            _line("2.B.3.e", "Programming", "LV", 2, "Write a spreadsheet formula"),
            _line("2.B.3.e", "Programming", "LV", 6, "Write an operating system scheduler"),
        ],
    )
    add(
        "Interests Illustrative Activities.txt",
        [_line("1.B.1.a", "Realistic", "General", "Repair a bicycle.")],
    )
    add("RIASEC Keywords.txt", [_line("1.B.1.a", "Realistic", "Build", "Action")])
    add(
        "Basic Interests to RIASEC.txt",
        [_line("1.B.3.b", "Construction/Woodwork", "1.B.1.a", "Realistic")],
    )
    return files


def write_release(
    directory: Path,
    files: dict[str, list[str]] | None = None,
    *,
    newline: str = "\r\n",
    omit: tuple[str, ...] = (),
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, lines in (files or release_files()).items():
        if name not in omit:
            (directory / name).write_text(newline.join(lines) + newline, encoding="utf-8")
    return directory


def zip_release(folder: Path, target: Path, top: str = "db_30_0_text") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{top}/{path.name}")
    return target


def corrupt_zip(source: Path, target: Path) -> Path:
    """Flip bytes inside the first member's compressed data: a CRC/inflate failure on read."""
    data = bytearray(source.read_bytes())
    middle = len(data) // 3
    for i in range(middle, middle + 64):
        data[i] ^= 0xFF
    target.write_bytes(bytes(data))
    return target
