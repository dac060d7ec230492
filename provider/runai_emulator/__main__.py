"""`python -m runai_emulator` is the console script."""

from .cli import main

raise SystemExit(main())
