"""The Qt desktop app. Widgets call services and render results; they hold no business logic."""
