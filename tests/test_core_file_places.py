"""core/file_places: which database paths are in a cloud-synced folder or on a network share
(table-driven, Windows paths read as PureWindowsPath on any system)."""

from pathlib import PurePosixPath, PureWindowsPath

import pytest

from kanwa_review.core import file_places as fp


@pytest.mark.parametrize("path, kind", [
    # OneDrive: personal, a hospital's business account, macOS CloudStorage
    (r"C:\Users\山田 花子\OneDrive\kanwa\reviews.sqlite", fp.ONEDRIVE),
    (r"C:\Users\山田 花子\OneDrive - 架空病院\提出 ファイル\reviews.sqlite", fp.ONEDRIVE),
    ("/Users/hanako/Library/CloudStorage/OneDrive-Personal/reviews.sqlite", fp.ONEDRIVE),
    (r"c:\users\taro\onedrive\a.sqlite", fp.ONEDRIVE),
    # Dropbox
    (r"C:\Users\taro\Dropbox\reviews.sqlite", fp.DROPBOX),
    (r"C:\Users\taro\Dropbox (架空病院)\reviews.sqlite", fp.DROPBOX),
    ("/home/taro/Dropbox/reviews.sqlite", fp.DROPBOX),
    # Box
    (r"C:\Users\taro\Box\reviews.sqlite", fp.BOX),
    (r"C:\Users\taro\Box Sync\reviews.sqlite", fp.BOX),
    ("/Users/taro/Library/CloudStorage/Box-Box/reviews.sqlite", fp.BOX),
    # Google Drive: the folder, macOS CloudStorage, Drive for desktop's own drive letter
    (r"C:\Users\taro\Google Drive\reviews.sqlite", fp.GOOGLE_DRIVE),
    ("/Users/taro/Library/CloudStorage/GoogleDrive-taro@example.jp/マイドライブ/a.sqlite",
     fp.GOOGLE_DRIVE),
    (r"G:\My Drive\kanwa\reviews.sqlite", fp.GOOGLE_DRIVE),
    (r"G:\マイドライブ\reviews.sqlite", fp.GOOGLE_DRIVE),
    # iCloud Drive
    (r"C:\Users\taro\iCloudDrive\reviews.sqlite", fp.ICLOUD),
    (r"C:\Users\taro\iCloud Drive\reviews.sqlite", fp.ICLOUD),
    ("/Users/taro/Library/Mobile Documents/com~apple~CloudDocs/reviews.sqlite", fp.ICLOUD),
    # network shares
    (r"\\fileserver\kanwa\reviews.sqlite", fp.NETWORK),
    (r"\\fileserver\緩和ケア 部会\reviews.sqlite", fp.NETWORK),
    ("//fileserver/kanwa/reviews.sqlite", None),   # a POSIX path: not a UNC share
    # ordinary local folders, and names that only look alike
    (r"C:\Users\山田 花子\AppData\Local\kanwa-review\kanwa-review.sqlite", None),
    (r"C:\Users\taro\Documents\Dropbox.sqlite", None),
    (r"C:\Users\taro\Documents\OneDrive.sqlite", None),
    (r"C:\Users\taro\Boxes\reviews.sqlite", None),
    (r"C:\Users\taro\Inbox\reviews.sqlite", None),
    (r"C:\Users\taro\MyDrive\reviews.sqlite", None),
    ("/home/taro/kanwa/reviews.sqlite", None),
    ("reviews.sqlite", None),
    ("", None),
])
def test_place_kind(path, kind):
    assert fp.place_kind(path) == kind


def test_a_mapped_network_drive_is_network_whatever_its_path():
    assert fp.place_kind(r"Z:\kanwa\reviews.sqlite", remote_drive=True) == fp.NETWORK
    assert fp.place_kind(r"Z:\kanwa\reviews.sqlite") is None
    # a network drive wins over the folder's name
    assert fp.place_kind(r"Z:\Dropbox\a.sqlite", remote_drive=True) == fp.NETWORK


@pytest.mark.parametrize("path, windows", [
    (r"C:\a\b.sqlite", True), ("c:/a/b.sqlite", True), ("C:", True), ("C:x", True), (r"\\srv\share\b", True),
    (r"a\b", True), ("/a/b.sqlite", False), ("a/b", False), ("c", False), ("1:/x", False),
    (":", False),
])
def test_as_path_reads_windows_paths_on_any_system(path, windows):
    assert isinstance(fp.as_path(path), PureWindowsPath if windows else PurePosixPath)


def test_as_path_keeps_a_path_object():
    p = PureWindowsPath(r"C:\Dropbox\a")
    assert fp.as_path(p) is p
    assert fp.place_kind(PurePosixPath("/x/Dropbox/a.sqlite")) == fp.DROPBOX


@pytest.mark.parametrize("path, unc", [
    (r"\\server\share\a.sqlite", True), ("//server/share/a.sqlite", False),
    (PureWindowsPath("//server/share/a.sqlite"), True), (r"C:\share\a.sqlite", False),
    ("/server/share", False),
])
def test_is_unc(path, unc):
    assert fp.is_unc(path) is unc


def test_every_kind_has_a_name():
    names = {kind: fp.place_name(kind) for kind in fp.KINDS}
    assert names == {fp.ONEDRIVE: "OneDrive", fp.DROPBOX: "Dropbox", fp.BOX: "Box",
                     fp.GOOGLE_DRIVE: "Google Drive", fp.ICLOUD: "iCloud Drive",
                     fp.NETWORK: "ネットワークドライブ"}
    with pytest.raises(KeyError):
        fp.place_name("ftp")


def test_the_warning_names_the_file_the_place_and_the_local_folder():
    text = fp.place_warning(r"C:\Users\taro\OneDrive\a.sqlite", fp.ONEDRIVE,
                            r"C:\Users\taro\AppData\Local\kanwa-review")
    assert text == (r"C:\Users\taro\OneDrive\a.sqlite は OneDrive の中にあります。同期やネットワークの"
                    "途中で書き込むとデータベースが壊れることがあります。作業はパソコン内のフォルダ"
                    r"（C:\Users\taro\AppData\Local\kanwa-review）にコピーしたファイルで行い、"
                    "提出ファイルやバックアップで共有してください")


def test_the_warning_goes_through_translate(echo_catalog):
    text = fp.place_warning("/x/a.sqlite", fp.NETWORK, "/home")
    assert text.startswith("[files] ")
    assert "[files] ネットワークドライブ" in text
