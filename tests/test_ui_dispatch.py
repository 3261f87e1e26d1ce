"""What changed, dispatched by the main window: home and the open review re-read only what
concerns them, and the hub windows hear every change (MainWindow.apply_changes)."""

from __future__ import annotations

from kanwa_review.services.changes import OpChanges
from tests.ui_window_support import make_window


def _count(monkeypatch, obj, name: str) -> list:
    calls = []
    original = getattr(obj, name)
    monkeypatch.setattr(obj, name, lambda *a, **k: (calls.append(1), original(*a, **k))[1])
    return calls


def test_home_rereads_only_what_it_shows(qtbot, services, draft, tmp_path, monkeypatch):
    window = make_window(qtbot, services, tmp_path)
    reloads = _count(monkeypatch, window.home, "reload")
    heard = []
    window.changes_applied.connect(heard.append)
    window.apply_changes(OpChanges(actions=True, facility_codes=frozenset({"F001"})))
    assert reloads == []                      # actions are not on the home list
    window.apply_changes(OpChanges(facilities=True, facility_codes=frozenset({"F002"})))
    assert reloads == [1]
    window.apply_changes(OpChanges())         # nothing changed: nothing happens
    assert len(heard) == 2 and heard[0].actions and heard[1].facilities


def test_the_open_review_rereads_when_it_is_concerned(qtbot, services, draft, tmp_path,
                                                      monkeypatch):
    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(draft.uuid)
    reloads = _count(monkeypatch, screen, "reload")
    home_reloads = _count(monkeypatch, window.home, "reload")
    window.apply_changes(OpChanges(answers=True, review_uuids=frozenset({"another"})))
    window.apply_changes(OpChanges(actions=True, facility_codes=frozenset({"F999"})))
    assert reloads == []
    window.apply_changes(OpChanges(actions=True, facility_codes=frozenset({"F001"})))
    assert reloads == [1]                     # its facility's improvement actions
    window.apply_changes(OpChanges(reviews=True, answers=True, findings=True,
                                   review_uuids=frozenset({draft.uuid})))
    assert reloads == [1, 1]
    assert home_reloads == []                 # hidden: showing it re-reads it


def test_a_review_deleted_elsewhere_goes_back_home(qtbot, services, draft, tmp_path):
    window = make_window(qtbot, services, tmp_path)
    window.open_review(draft.uuid)
    services.delete_draft(draft.uuid)
    window.apply_changes(OpChanges(reviews=True, review_uuids=frozenset({draft.uuid})))
    assert window.review_screen is None and window.stack.currentWidget() is window.home


def test_an_edit_on_the_review_page_reaches_the_hub_windows_not_the_page(
        qtbot, services, draft, tmp_path, monkeypatch):
    window = make_window(qtbot, services, tmp_path)
    screen = window.open_review(draft.uuid)
    reloads = _count(monkeypatch, screen, "reload")
    heard = []
    window.changes_applied.connect(heard.append)
    screen.checklist_screen.commit("A-1", {"rating": "B"})
    assert reloads == []                      # the page made the change and shows it
    assert heard and heard[-1].answers and heard[-1].review_uuids == {draft.uuid}
    assert not heard[-1].overview("F001")     # a draft's answers: no hub window re-reads
