"""`python -m pulumi_runai.export`: the same as the `runai-export` console script."""

from .cli import main

raise SystemExit(main())
