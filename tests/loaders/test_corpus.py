"""Whole corpora: folders, parallel processes, and mangled files that never stop the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dutygraph.loaders import MAX_FILE_BYTES, load
from dutygraph.loaders.corpus import extract_corpus, find_files, progress_bar
from dutygraph.errors import InputError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOOD = "关于印发《湘潭市2020年工作要点》的通知\n一、任务\n1.建设绿道。(市住建局牵头,各区政府配合)\n2.治理水系。(市水利局负责)\n"
FLAT = ("关于印发《湘潭市2020年工作计划》的通知\n附件1\n2020年任务表\n序号\n重点任务\n牵头单位\n责任单位\n"
        "1\n河道治理\n完成清淤。\n市水利局\n市财政局\n2\n水质提升\n建设污水厂。\n市住")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_path):
    root = tmp_path_factory.mktemp("corpus")
    yield from _corpus(root, seed_path)


def _corpus(root: Path, seed_path: Path):
    (root / "city" / "2020").mkdir(parents=True)
    (root / ".hidden").mkdir()
    shutil.copy(seed_path, root / "city" / "seed.txt")
    (root / "city" / "2020" / "good.txt").write_text(GOOD, "utf-8")
    (root / "city" / "2020" / "good.gold.json").write_text("{}", "utf-8")  # annotations are not documents
    (root / ".hidden" / "skip.txt").write_text(GOOD, "utf-8")
    (root / "notes.md").write_text("not a plan", "utf-8")
    bad = root / "bad"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)))
    (bad / "empty.txt").write_bytes(b"")
    (bad / "truncated.txt").write_text(FLAT, "utf-8")  # cut mid-table: the whole rows are read
    (bad / "mixed.txt").write_bytes(GOOD.encode("utf-8") + "二、保障\n3.强化督查。(市督查室负责)\n".encode("gb18030"))
    shutil.copy(FIXTURES / "formats" / "scanned.pdf", bad / "scanned.pdf")
    with open(bad / "huge.txt", "wb") as f:  # 100 MB of text
        line = ("一、任务 1.建设绿道。(市住建局牵头)" * 20 + "\n").encode("utf-8")
        for _ in range(100 * 2**20 // len(line) + 1):
            f.write(line)
    yield root
    (bad / "huge.txt").unlink()  # do not leave 100 MB behind in pytest's kept temporary folders


def test_find_files_recursively(corpus):
    names = [p.relative_to(corpus).as_posix() for p in find_files([corpus])]
    assert names == ["bad/binary.txt", "bad/empty.txt", "bad/huge.txt", "bad/mixed.txt", "bad/scanned.pdf",
                     "bad/truncated.txt", "city/2020/good.txt", "city/seed.txt"]


@pytest.mark.parametrize("processes", [1, 2])
def test_corpus_failures_are_collected_and_the_rest_is_read(corpus, processes):
    seen = []
    result = extract_corpus([corpus], processes=processes, chunksize=2, progress=seen.append)
    s = result.summary
    reasons = {Path(f.file).name: f.reason for f in result.failures}
    assert set(reasons) == {"binary.txt", "empty.txt", "huge.txt", "scanned.pdf"}
    assert reasons["binary.txt"] == "not a text file: it is an executable"
    assert reasons["empty.txt"] == "the file is empty"
    assert "over the 50 MB limit" in reasons["huge.txt"]
    assert "no text layer" in reasons["scanned.pdf"]
    names = [Path(d.source).name for d in result.documents]
    assert names == ["mixed.txt", "truncated.txt", "good.txt", "seed.txt"]  # input order
    docs = {Path(d.source).name: d for d in result.documents}
    assert len(docs["seed.txt"].tasks) == 81
    assert [t.text for t in docs["truncated.txt"].tasks] == ["完成清淤。", "建设污水厂。"]
    assert [a.unit for a in docs["truncated.txt"].tasks[1].assignments] == []  # the cut cell 市住 is no unit
    assert [t.text for t in docs["mixed.txt"].tasks] == ["建设绿道。", "治理水系。", "强化督查。"]  # line by line
    assert (s.files, s.documents, s.failures) == (8, 4, 4)
    assert s.tasks == sum(len(d.tasks) for d in result.documents)
    assert s.assignments == sum(len(t.assignments) for d in result.documents for t in d.tasks)
    assert sum(seen) == 8 and s.processes == processes


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing must be read
    with pytest.raises(InputError, match="over the 50 MB limit"):
        load(path)


def test_a_loader_bug_is_a_failure_not_a_crash(tmp_path, monkeypatch):
    from dutygraph import loaders

    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    (tmp_path / "b.csv").write_text("x", "utf-8")
    monkeypatch.setitem(loaders.LOADERS, ".csv", "json:loads")  # a "loader" that fails on a Path
    result = extract_corpus([tmp_path], processes=1)
    assert [Path(d.source).name for d in result.documents] == ["a.txt"]
    assert result.failures[0].reason.startswith("internal error while reading: TypeError")


def test_summary_rows_and_quiet_progress_bar(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    with progress_bar(1, enabled=False) as advance:
        result = extract_corpus([tmp_path], processes=1, progress=advance)
    rows = {r["name"]: r["value"] for r in result.summary.rows()}
    assert (rows["documents"], rows["tasks"], rows["assignments"], rows["failures"]) == (1, 2, 3, 0)


def test_progress_bar_draws_on_a_console(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, "utf-8")
    with progress_bar(1, enabled=True) as advance:
        extract_corpus([tmp_path], processes=1, progress=advance)


@pytest.mark.parametrize("processes", [1, 2])
def test_keep_dicts_or_nothing(tmp_path, processes):
    for k in range(3):
        (tmp_path / f"p{k}.txt").write_text(GOOD, "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    dicts = extract_corpus([tmp_path], processes=processes, keep="dicts")
    assert [Path(d["source"]).name for d in dicts.documents] == ["p0.txt", "p1.txt", "p2.txt"]
    assert dicts.documents[0]["tasks"][0]["lead"] == ["市住建局"]
    counted = extract_corpus([tmp_path], processes=processes, keep="none")
    assert counted.documents == [] and len(counted.failures) == 1
    assert (counted.summary.tasks, counted.summary.assignments) == (dicts.summary.tasks, dicts.summary.assignments) == (6, 9)
    with pytest.raises(ValueError):
        extract_corpus([tmp_path], keep="all")
