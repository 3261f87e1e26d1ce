"""The checklist tab (チェックリスト): item table, filters, the focused item's editor and keyboard rating."""
