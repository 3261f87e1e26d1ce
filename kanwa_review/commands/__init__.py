"""Subcommand handlers of the CLI, one module per subject. Each handler takes the parsed
arguments and returns an exit code (0 ok, 1 input rejected, 2 usage). None imports Qt."""
