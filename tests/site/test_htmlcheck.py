"""The checker of the built HTML finds each kind of problem, and only real ones."""

from __future__ import annotations

from pathlib import Path

from generator.site.htmlcheck import check_site

GOOD = """<!doctype html><html lang="lv"><head>
<link rel="stylesheet" href="{up}assets/style.css"><script src="{up}assets/app.js"></script></head>
<body><a href="#saturs" title="Pāriet uz saturu"></a><h1 id="virsraksts">Lapa</h1>
<p id="saturs"><a href="{up}index.html#virsraksts">Sākums</a> <a href="{up}faili/ligums.pdf">Līgums (PDF)</a>
<a href="https://likumi.lv/">Likumi.lv</a> <a href="mailto:x@example.invalid">e-pasts</a></p>
<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>
<img src="{up}assets/logo.png" alt="Logotips"></body></html>"""


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "vietne"
    (site / "assets").mkdir(parents=True)
    (site / "faili").mkdir()
    (site / "katalogs").mkdir()
    for name in ("style.css", "app.js", "logo.png"):
        (site / "assets" / name).write_text("x", encoding="utf-8")
    (site / "faili" / "ligums.pdf").write_bytes(b"%PDF-1.4\n")
    (site / "index.html").write_text(GOOD.format(up=""), encoding="utf-8")
    (site / "katalogs" / "1.1.html").write_text(GOOD.format(up="../"), encoding="utf-8")
    return site


def _break(site: Path, old: str, new: str, page: str = "katalogs/1.1.html") -> None:
    path = site / page
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_good_site_has_no_problems(tmp_path: Path) -> None:
    assert check_site(_site(tmp_path)) == []


def test_each_kind_of_problem_is_found(tmp_path: Path) -> None:
    cases = [
        (("../index.html#virsraksts", "../index.html#nav-tada"), "nav enkura #nav-tada"),
        (("../faili/ligums.pdf", "../faili/cits.pdf"), "datne faili/cits.pdf nav atrasta"),
        (("../index.html#", "../../index.html#"), "ved ārpus vietnes"),
        (('<html lang="lv">', '<html lang="en">'), 'lang="en"'),
        (("</h1>", "</h1><h1>Otrs</h1>"), "2 h1 virsraksti"),
        (("<th>A</th>", "<td>A</td>"), "nav galvenes šūnu"),
        ((' alt="Logotips"', ""), "nav alt teksta"),
        (('<script src="../assets/app.js">', '<script src="https://cdn.example.invalid/app.js">'), "ārējs resurss"),
        ((">Sākums<", "><"), "nav teksta"),
        ((">Sākums<", ">šeit<"), "nepasaka, kur tā ved"),
    ]
    for (old, new), expected in cases:
        site = _site(tmp_path / expected[:12].replace(" ", "_").replace("#", "x"))
        _break(site, old, new)
        problems = [str(p) for p in check_site(site)]
        assert len(problems) == 1 and expected in problems[0], (expected, problems)
        assert problems[0].startswith("katalogs/1.1.html: ")
