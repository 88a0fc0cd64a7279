"""Validation rules, one module per kind of officer file. Rules log problems and move on."""
