"""core/file_errors: a failed write in words a person can act on."""

import stat

import pytest

from kanwa_review.core import file_errors as fe

OUT = "/tmp/山田 花子/提出 ファイル/集計.xlsx"


def sharing_violation(winerror: int) -> OSError:
    exc = OSError(13, "The process cannot access the file")
    exc.winerror = winerror
    return exc


def test_the_error_is_a_value_error_that_remembers_its_file():
    err = fe.in_use(OUT)
    assert isinstance(err, ValueError)
    assert err.path == OUT
    assert str(err) == (f"{OUT} は他のアプリで開かれています。Excel や PDF ビューアーなどで 集計.xlsx "
                        "を閉じてからもう一度実行してください（書きかけのファイルは残していません）")


@pytest.mark.parametrize("winerror", [32, 33])
def test_a_windows_sharing_or_lock_violation_is_a_file_held_open(winerror):
    for writable in (True, False):
        err = fe.output_problem(sharing_violation(winerror), OUT, folder_writable=writable)
        assert str(err) == str(fe.in_use(OUT))
        assert err.path == OUT


@pytest.mark.parametrize("winerror", [None, 5, 31, 34])
def test_other_os_errors_are_left_to_the_caller(winerror):
    exc = OSError(28, "No space left on device")
    if winerror is not None:
        exc.winerror = winerror
    assert fe.output_problem(exc, OUT, folder_writable=True) is None
    assert fe.output_problem(exc, OUT, folder_writable=False) is None


def test_a_permission_refusal_is_the_file_when_the_folder_takes_new_files():
    exc = PermissionError(13, "Permission denied")
    assert str(fe.output_problem(exc, OUT, folder_writable=True)) == str(fe.in_use(OUT))
    refused = fe.output_problem(exc, OUT, folder_writable=False)
    assert str(refused) == "/tmp/山田 花子/提出 ファイル: このフォルダには書き込めません。別の場所を選んでください"
    assert refused.path == OUT


def test_not_an_os_error_is_none():
    assert fe.output_problem(ValueError("x"), OUT, folder_writable=True) is None
    assert fe.output_problem(KeyError(32), OUT, folder_writable=False) is None


def test_read_only_message():
    err = fe.read_only(OUT)
    assert err.path == OUT
    assert str(err) == (f"{OUT} は読み取り専用のため上書きできません。別のファイル名で保存するか、"
                        "ファイルのプロパティで読み取り専用を外してからもう一度実行してください")


@pytest.mark.parametrize("mode, ro", [
    (0o444, True), (0o644, False), (0o200, False), (0o400, True), (0o222, False),
    (0o044, True), (stat.S_IFREG | 0o555, True), (stat.S_IFREG | 0o755, False),
])
def test_is_read_only(mode, ro):
    assert fe.is_read_only(mode) is ro


def test_messages_go_through_translate(echo_catalog):
    assert str(fe.in_use("a.pdf")).startswith("[files] ")
    assert str(fe.read_only("a.pdf")).startswith("[files] ")
    assert str(fe.folder_refuses("/x/a.pdf")).startswith("[files] ")
