"""`kanwa-review keys new|trust|list|revoke`, `export --sign/--encrypt-to`, `import --key
--require-signature --json` and `verify --key` (design §6): the whole story on the command
line, with exit codes and the JSON lines' signature and signer."""

from __future__ import annotations

import json

import pytest

from kanwa_review.cli import main


@pytest.fixture
def keys_dir(tmp_path, capsys):
    folder = tmp_path / "keys"
    folder.mkdir()
    (folder / "pw").write_text("correct horse battery staple\n", encoding="utf-8")
    for name in ("leader", "hub"):
        assert main(["keys", "new", "--name", name, "-o", str(folder),
                     "--passphrase-file", str(folder / "pw")]) == 0
    out = capsys.readouterr().out
    assert out.count("指紋: ") == 2
    return folder


def _lines(capsys):
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_signed_and_encrypted_round_trip_on_the_command_line(final_review, database, db_path,
                                                              keys_dir, tmp_path, capsys):
    database.close()
    pw = str(keys_dir / "pw")
    out = tmp_path / "F001_r1.kanwa"
    assert main(["export", "--db", str(db_path), "--review", final_review.uuid, "-o", str(out),
                 "--sign", str(keys_dir / "leader.key"), "--passphrase-file", pw,
                 "--encrypt-to", str(keys_dir / "hub.pub")]) == 0
    text = capsys.readouterr().out
    assert "署名: leader" in text and "暗号化: hub" in text

    # verify: without the hub key it cannot look inside; with it, it names the signer
    assert main(["verify", str(out)]) == 1
    assert "--key" in capsys.readouterr().err
    assert main(["verify", str(out), "--key", str(keys_dir / "hub.key"),
                 "--passphrase-file", pw]) == 0
    text = capsys.readouterr().out
    assert "leader" in text and "(valid)" in text and "拠点の鍵で開きました" in text

    hub = tmp_path / "hub.sqlite"
    assert main(["keys", "trust", "--db", str(hub), str(keys_dir / "leader.pub"), "--yes"]) == 0
    fingerprint = capsys.readouterr().out.split("指紋: ")[1].split()[0]
    assert main(["import", "--db", str(hub), str(out), str(out), "--key",
                 str(keys_dir / "hub.key"), "--passphrase-file", pw, "--require-signature",
                 "--json"]) == 0
    lines = _lines(capsys)
    assert [(d["status"], d["signature"]) for d in lines] == [("imported", "trusted"),
                                                             ("unchanged", "trusted")]
    assert lines[0]["signer"] == {"name": "leader", "fingerprint": fingerprint}

    assert main(["keys", "list", "--db", str(hub), "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert set(entry) >= {"name", "fingerprint", "added", "revoked"}
    assert (entry["name"], entry["fingerprint"], entry["revoked"]) == ("leader", fingerprint,
                                                                       None)
    assert main(["keys", "revoke", "--db", str(hub), fingerprint]) == 0
    capsys.readouterr()
    assert main(["keys", "list", "--db", str(hub)]) == 0
    assert "失効" in capsys.readouterr().out
    assert main(["import", "--db", str(hub), str(out), "--key", str(keys_dir / "hub.key"),
                 "--passphrase-file", pw, "--json"]) == 1
    [line] = _lines(capsys)
    assert (line["status"], line["signature"]) == ("rejected", "revoked")


def test_import_json_lines_carry_signature_and_signer_for_every_file(tmp_path, capsys):
    from pathlib import Path

    hostile = Path(__file__).parent / "data" / "hostile"
    files = [str(hostile / n) for n in ("valid.kanwa", "not_a_zip.kanwa", "hash_mismatch.kanwa")]
    assert main(["import", "--db", str(tmp_path / "hub.sqlite"), *files, "--json"]) == 1
    lines = _lines(capsys)
    assert len(lines) == 3
    assert [(d["status"], d["signature"], d["signer"]) for d in lines] == [
        ("imported", "unsigned", None), ("rejected", "invalid", None),
        ("rejected", "unsigned", None)]
    assert main(["import", "--db", str(tmp_path / "hub.sqlite"), files[0],
                 "--require-signature"]) == 1
    captured = capsys.readouterr()
    assert "署名なし (unsigned)" in captured.out and "署名がありません" in captured.err


def test_wrong_passphrase_missing_passphrase_and_unconfirmed_trust(keys_dir, tmp_path, capsys,
                                                                  monkeypatch):
    bad = tmp_path / "bad"
    bad.write_text("not the passphrase\n", encoding="utf-8")
    hub = tmp_path / "hub.sqlite"
    assert main(["import", "--db", str(hub), str(tmp_path / "none.kanwa"), "--key",
                 str(keys_dir / "hub.key"), "--passphrase-file", str(bad)]) == 1
    assert "パスフレーズが違う" in capsys.readouterr().err and not hub.exists()
    # no terminal and no passphrase file: told what to pass, not stuck on a prompt
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["keys", "new", "--name", "x", "-o", str(keys_dir)]) == 1
    assert "--passphrase-file" in capsys.readouterr().err
    assert main(["keys", "trust", "--db", str(hub), str(keys_dir / "leader.pub")]) == 1
    assert "--yes" in capsys.readouterr().err and not hub.exists()
    assert main(["keys", "new", "--name", "leader", "-o", str(keys_dir),
                 "--passphrase-file", str(keys_dir / "pw")]) == 1
    assert "すでにあります" in capsys.readouterr().err
    assert main(["keys", "revoke", "--db", str(tmp_path / "none.sqlite"), "ABCD"]) == 1
    with pytest.raises(SystemExit) as info:
        main(["keys"])
    assert info.value.code == 2


def test_keys_trust_asks_and_takes_a_facility_scope(keys_dir, tmp_path, capsys, monkeypatch):
    hub = tmp_path / "hub.sqlite"
    answers = iter(["n", "y"])

    class Tty:
        @staticmethod
        def isatty():
            return True

    monkeypatch.setattr("sys.stdin", Tty())
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["keys", "trust", "--db", str(hub), str(keys_dir / "leader.pub")]) == 1
    assert "追加しませんでした" in capsys.readouterr().out and not hub.exists()
    assert main(["demo", "--db", str(hub), "--facilities", "1", "--years", "1"]) == 0
    code = json.loads(_demo_list(hub, capsys))[0]["facility_code"]
    assert main(["keys", "trust", "--db", str(hub), str(keys_dir / "leader.pub"),
                 "--facility", code]) == 0
    assert code in capsys.readouterr().out
    assert main(["keys", "list", "--db", str(hub), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["facilities"] == [code]


def _demo_list(hub, capsys):
    capsys.readouterr()
    assert main(["list", "--db", str(hub), "--json"]) == 0
    return capsys.readouterr().out
