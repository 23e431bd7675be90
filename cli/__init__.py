"""The `intmk` command line."""
