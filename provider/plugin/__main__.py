"""What the Python language host runs for this plugin folder: the installed plugin entry."""

from pulumi_runai.native.plugin import main

main()
