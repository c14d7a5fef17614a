"""Bad input: a clear error naming the file (and line), and the other files still read."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dutygraph.errors import InputError
from dutygraph.loaders import load, load_many


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty"),
    ("spaces.txt", b"  \n\n ", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ("nul.txt", "第一行\n".encode() + b"abc\x00def", "not a text file"),
    ("plain.txt", "一、总体要求\n坚持改革。\n".encode(), "no recognisable task"),
])
def test_bad_files_raise_input_error_naming_the_file(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError, match=message) as info:
        load(path)
    assert info.value.path == str(path)
    assert str(path) in str(info.value)


def test_nul_byte_error_names_the_line(tmp_path):
    path = write(tmp_path, "nul.txt", "第一行\n第二行\n".encode() + b"x\x00y")
    with pytest.raises(InputError) as info:
        load(path)
    assert info.value.line == 3


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.txt")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_encodings_are_detected(tmp_path, seed_path, encoding):
    text = seed_path.read_text("utf-8")
    path = write(tmp_path, f"seed-{encoding}.txt", text.encode(encoding))
    doc = load(path)
    assert len(doc.tasks) == 81


def test_load_many_goes_on_after_a_failure(tmp_path, seed_path):
    bad = write(tmp_path, "bad.txt", b"")
    result = load_many([bad, seed_path])
    assert [len(d.tasks) for d in result.documents] == [81]
    assert [e.path for e in result.errors] == [str(bad)]


def test_cli_reports_bad_files_and_still_prints_the_good_ones(tmp_path, seed_path):
    bad = write(tmp_path, "bad.bin", b"%PDF-1.4\x00\x01")
    proc = subprocess.run([sys.executable, "-m", "dutygraph.cli", "extract", str(bad), str(seed_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert json.loads(proc.stdout)["documents"][0]["source"] == str(seed_path)
    coverage, errors, summary = proc.stderr.strip().splitlines()
    assert coverage.startswith(f"coverage: {seed_path}: ") and "role cues attached (100%)" in coverage
    assert errors == f"dutygraph: error: {bad}: not a text file: it is a PDF file"
    assert summary.startswith("read 1 of 2 files (1 failed): 81 tasks")
