"""The command line: output, filters, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES

EXAMPLE = str(FIXTURES / "Khojaly_massacre.infobox.wiki")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "infobox.cli", *args], input=stdin, capture_output=True, timeout=120)


def test_parse_prints_json():
    done = run("parse", EXAMPLE)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema_version"] == "1.0"
    box = data["infoboxes"][0]
    assert box["type"] == "civilian attack"
    deaths = next(f for f in box["fields"] if f["name"] == "fatalities")
    assert [c["value"]["low"] for c in deaths["claims"]] == [200, 485, 613]
    assert data["references"]["hrw.org"]["archive_date"]["iso"] == "2015-02-18"


def test_pretty_and_stdin():
    done = run(
        "parse", "-", "--pretty", "--title", "Piped", stdin=FIXTURES.joinpath("Khojaly_massacre.infobox.wiki").read_bytes()
    )
    assert done.returncode == 0
    assert done.stdout.startswith(b"{\n  ")
    assert json.loads(done.stdout)["title"] == "Piped"


def test_type_filter():
    assert len(json.loads(run("parse", EXAMPLE, "--type", "civilian attack").stdout)["infoboxes"]) == 1
    assert len(json.loads(run("parse", EXAMPLE, "--type", "terrorist attack").stdout)["infoboxes"]) == 1
    done = run("parse", EXAMPLE, "--type", "settlement")
    assert done.returncode == 1
    assert done.stderr.decode().strip() == f"infobox: {EXAMPLE}: no infobox of type 'settlement' found"


def test_no_infobox_exit_1():
    done = run("parse", "-", stdin=b"Just prose, no box.")
    assert done.returncode == 1
    assert b"no infobox found" in done.stderr
    assert b"Traceback" not in done.stderr


def test_bad_input_exit_2(tmp_path):
    missing = run("parse", str(tmp_path / "nope.wiki"))
    assert missing.returncode == 2 and missing.stderr.decode().count("\n") == 1 and b"no such file" in missing.stderr
    bad = tmp_path / "bad.wiki"
    bad.write_bytes(b"{{Infobox x|a=\xff\xfe}}")
    done = run("parse", str(bad))
    assert done.returncode == 2 and b"not UTF-8" in done.stderr and b"Traceback" not in done.stderr
    assert run("parse", str(tmp_path)).returncode == 2


def test_schema_command_prints_the_json_schema():
    done = run("schema")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert schema["properties"]["schema_version"]["const"] == "1.0"


def test_help_explains():
    out = run("parse", "--help").stdout.decode()
    assert "--type" in out and "--pretty" in out and "standard input" in out


def test_extract_cli(tmp_path):
    from conftest import corpus_or_skip

    dumps = corpus_or_skip() / "dumps"
    done = run("extract", str(dumps / "wikiMainPath" / "1789_events_french_revolution.xml"), "-o", str(tmp_path / "out.db"))
    assert done.returncode == 0, done.stderr
    err = done.stderr.decode()
    assert "16 pages" in err and "3 infoboxes" in err and "written to" in err
    truncated = run("extract", str(dumps / "wikiextractor" / "test.xml"), "-o", str(tmp_path / "vi.jsonl"))
    assert truncated.returncode == 2
    assert b"breaks off" in truncated.stderr and b"everything before it was written" in truncated.stderr
    assert b"Traceback" not in truncated.stderr
    missing = run("extract", str(tmp_path / "none.xml"), "-o", str(tmp_path / "x.db"))
    assert missing.returncode == 2 and b"no such file" in missing.stderr
    sevenz = run("extract", str(dumps / "pywikibot" / "article-pyrus.xml_invalid.7z"), "-o", str(tmp_path / "x.db"))
    assert sevenz.returncode == 2 and b"7z" in sevenz.stderr
