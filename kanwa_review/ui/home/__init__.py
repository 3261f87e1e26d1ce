"""The home screen (ホーム): facilities with their reviews, search, and the actions that start work."""
