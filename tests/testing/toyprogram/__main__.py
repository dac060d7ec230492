"""An unmodified Pulumi program over the toy provider, run as `__main__` from its directory."""

import os

import pulumi
import toyprov

config = pulumi.Config("toy")
a = toyprov.File("a", dir=config.require("dir"), key="a", content=config.get("content") or "hi")
pulumi.export("cwd", os.getcwd())
pulumi.export("size", a.size)
