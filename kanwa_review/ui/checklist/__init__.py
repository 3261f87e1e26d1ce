"""The checklist tab (チェックリスト): item table, filters, the focused item's editor, keyboard
rating and its undo steps."""
