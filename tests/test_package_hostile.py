"""The hostile corpus (tests/data/hostile, made by make_hostile.py): every file is refused for
its own reason, with a message naming the file and the place, and a refused file changes
nothing in the database."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from kanwa_review.exchange import package_format as P
from kanwa_review.exchange import package_reader as R
from kanwa_review.exchange.package_reader import PackageRejected, read_package
from kanwa_review.services import Services
from tests.db_support import db_snapshot as _snapshot

HOSTILE = Path(__file__).parent / "data" / "hostile"

# file -> (member or place named in the message, words that must appear in Japanese (the
# default), words that must appear when the run speaks English)
EXPECTED = {
    "not_a_zip.kanwa": (None, ["ZIP 形式ではない"], ["not a ZIP"]),
    "empty.kanwa": (None, ["空のファイル"], ["empty"]),
    "truncated.kanwa": (None, ["途中で切れている"], ["truncated"]),
    "path_dotdot.kanwa": ("../../evil.txt", ["「..」"], ["'..'"]),
    "path_absolute.kanwa": ("/etc/evil.txt", ["絶対パス"], ["absolute path"]),
    "path_drive_letter.kanwa": ("C:/Windows/evil.txt", ["ドライブ名"], ["drive letter"]),
    "path_backslash.kanwa": ("evil.txt", ["バックスラッシュ"], ["backslash"]),
    "duplicate_member.kanwa": ("review.json", ["重複"], ["twice"]),
    "zip_bomb_declared.kanwa": ("review.json", ["zip 爆弾", "41,943,040 バイト"],
                                ["zip bomb", "41,943,040 bytes"]),
    "zip_bomb_ratio.kanwa": ("attachments/photo.jpg", ["圧縮率"], ["zip bomb"]),
    "zip_bomb_lying_header.kanwa": ("review.json", ["壊れて", "CRC"], ["damaged", "CRC"]),
    "too_many_members.kanwa": (None, ["多すぎます", "上限 64"], ["the limit is 64"]),
    "encrypted_member.kanwa": ("manifest.json", ["暗号化"], ["encrypted"]),
    "hash_mismatch.kanwa": ("review.json", ["SHA-256", "変更されたか壊れています"], ["altered"]),
    "manifest_missing.kanwa": ("manifest.json", ["manifest.json がありません"], ["missing"]),
    "manifest_not_json.kanwa": ("manifest.json", ["JSON として読めません"], ["not valid JSON"]),
    "newer_version.kanwa": ("manifest.json", ["アプリを更新してください"], ["Update the app"]),
    "unknown_format.kanwa": ("manifest.json", ["kanwa-review の提出ファイルではありません"],
                             ["not a kanwa"]),
    "schema_wrong_types.kanwa": ("answers[0] (A-1) › evidence", ["型が違います"],
                                 ["wrong type of value"]),
    "schema_missing_keys.kanwa": ("review.json", ["必要な項目", "findings"],
                                  ["a required field is missing", "findings"]),
    "schema_bad_uuid.kanwa": ("review › uuid", ["形式が違います"], ["not in the expected form"]),
    "unknown_rating.kanwa": ("answers[0] (A-1)", ["評価の記号"], ["'S'"]),
    "unknown_item.kanwa": ("answers[4] (Z-99)", ["にない項目コード"], ["not in form"]),
    "wrong_value_type.kanwa": ("answers[2] (A-3)", ["回答が評価票の項目に合いません"],
                               ["does not fit the form's item"]),
    "form_hash_mismatch.kanwa": ("form.json", ["ハッシュ値"], ["SHA-256"]),
    "json_duplicate_keys.kanwa": ("review.json", ["JSON として読めません"], ["not valid JSON"]),
    "review_not_json.kanwa": ("review.json", ["UTF-8"], ["not UTF-8"]),
}
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_every_hostile_file_is_listed_and_the_corpus_is_complete():
    on_disk = {p.name for p in HOSTILE.glob("*.kanwa")}
    in_context = {"valid.kanwa", "revision2.kanwa", "other_facility.kanwa"}
    assert on_disk == set(EXPECTED) | in_context


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_rejected_with_an_actionable_message(name):
    place, words, _english = EXPECTED[name]
    path = HOSTILE / name
    with pytest.raises(PackageRejected) as info:
        read_package(path)
    text = "\n".join(info.value.problems)
    assert str(path) in text                       # names the file
    if place:
        assert place in text                       # and the member / field
    for w in words:
        assert w in text, f"{name}: {w!r} not in {text}"
    for line in info.value.problems:               # one language: Japanese, no " / English"
        assert JAPANESE.search(line) and " / " not in line.replace(str(path), ""), line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_rejected_in_english_when_the_run_speaks_english(name, monkeypatch):
    from kanwa_review.core import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    place, _japanese, words = EXPECTED[name]
    path = HOSTILE / name
    with pytest.raises(PackageRejected) as info:
        read_package(path)
    text = "\n".join(info.value.problems)
    assert str(path) in text and (place is None or place in text)
    for w in words:
        assert w in text, f"{name}: {w!r} not in {text}"
    for line in info.value.problems:
        assert not JAPANESE.search(line), line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_rejected_file_changes_nothing(name, database, db_path, final_review):
    shutil.copy(HOSTILE / "valid.kanwa", db_path.parent / "valid.kanwa")
    assert Services(database).import_package(db_path.parent / "valid.kanwa").status == "imported"
    database.conn.execute("PRAGMA wal_checkpoint")
    before = _snapshot(db_path)
    result = Services(database, actor="hub").import_package(HOSTILE / name)
    assert result.status == "rejected" and result.errors
    assert _snapshot(db_path) == before


def test_valid_file_of_the_corpus_is_accepted():
    package = read_package(HOSTILE / "valid.kanwa")
    assert package.uuid == "0b7c2a52-5d7e-4f0e-9a55-3f1d2c4b6a10"
    assert [a.item_code for a, _m in package.answers] == ["A-1", "A-2", "A-3", "B-1"]
    assert package.warnings == []


def test_zip_bomb_is_stopped_while_reading_whatever_the_header_says(monkeypatch):
    """The hard cap applies during decompression too: with the review.json cap lowered below
    the member's real size, reading stops at the cap (the header is not trusted)."""
    import io
    import zipfile

    data = (HOSTILE / "valid.kanwa").read_bytes()
    zf = zipfile.ZipFile(io.BytesIO(data))
    info = zf.getinfo(P.REVIEW)
    monkeypatch.setattr(P, "MAX_REVIEW_BYTES", 100)
    check = R._Checker("bomb.kanwa")
    assert R._read_member(zf, info, check) == b""
    assert "zip 爆弾" in check.problems[0] and "中止しました" in check.problems[0]


def test_file_over_the_size_cap_is_refused_before_reading(tmp_path):
    big = tmp_path / "huge.kanwa"
    with big.open("wb") as fh:                     # sparse: costs no disk space
        fh.truncate(P.MAX_PACKAGE_BYTES + 1)
    with pytest.raises(PackageRejected) as info:
        read_package(big)
    assert "大きすぎます" in info.value.problems[0] and "上限" in info.value.problems[0]


def test_missing_file_and_folder_are_named(tmp_path):
    for path, word in ((tmp_path / "nope.kanwa", "見つかりません"), (tmp_path, "フォルダ")):
        with pytest.raises(PackageRejected) as info:
            read_package(path)
        assert word in info.value.problems[0] and str(path) in info.value.problems[0]


def test_corpus_is_reproducible_from_its_script(tmp_path):
    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE / "make_hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = module.make_all()
    assert set(made) == {p.name for p in HOSTILE.glob("*.kanwa")}
    same = [n for n, data in made.items() if (HOSTILE / n).read_bytes() == data]
    assert len(same) == len(made), sorted(set(made) - set(same))


def test_nothing_is_extracted_to_disk(tmp_path, monkeypatch):
    """Reading a package with '..' members writes no file anywhere near it."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "pkg" / "p.kanwa"
    target.parent.mkdir()
    shutil.copy(HOSTILE / "path_dotdot.kanwa", target)
    with pytest.raises(PackageRejected):
        read_package(target)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["p.kanwa", "pkg"]
