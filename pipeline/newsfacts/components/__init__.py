"""The project's spaCy components, each registered as a factory (see ``pyproject.toml`` entry points)."""
