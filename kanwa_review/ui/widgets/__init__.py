"""Small widgets shared by several screens (the date field)."""
