"""The Qt application: document, scene and items, view, panels, main window."""
