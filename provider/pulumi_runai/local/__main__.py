"""Entry point of ``python -m pulumi_runai.local`` (see :mod:`.cli`)."""

import sys

from .cli import main

sys.exit(main())
