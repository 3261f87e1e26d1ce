"""The hub's overview windows: the dashboard (ダッシュボード) and one facility's history (施設の経過)."""
