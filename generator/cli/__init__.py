"""The `ward-news` command: each subcommand parses its options and hands off."""
