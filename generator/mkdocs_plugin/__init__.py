"""The thin MkDocs adapter around generator.core."""
