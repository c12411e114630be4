#!/usr/bin/env python
"""Django's command-line entry point for Dojang."""

import os
import sys
from pathlib import Path


def main() -> None:
    # workflows/ lives beside backend/ at the repository root, so both must be importable.
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(1, str(root))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
