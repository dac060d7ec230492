"""`python -m pulumi_runai.native <engine address>`: the plugin, as the console script runs it."""

from pulumi_runai.native.plugin import main

main()
