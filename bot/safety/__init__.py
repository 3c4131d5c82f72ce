"""Safety: danger-to-life detection and the emergency answer that always comes first."""
