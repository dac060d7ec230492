"""`python up_elsewhere.py STATE URL CLIENT_ID CLUSTER_ID`: one `up` of the stories' program in
a process of its own (secret from RUNAI_CLIENT_SECRET), printing `{name: op}` as JSON.

It stands for a colleague's machine or a CI job running `pulumi up` on the same stack.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pulumi_runai.testing import Stack

from e2e.programs import Org, program


def main(state: str, url: str, client_id: str, cluster_id: str) -> None:
    stack = Stack(
        state, project="runai-org",
        config={"runai:url": url, "runai:clientId": client_id},
        secret_config={"runai:clientSecret": os.environ["RUNAI_CLIENT_SECRET"]},
    )
    print(json.dumps(stack.up(program(Org(cluster_id=cluster_id))).ops()))


if __name__ == "__main__":
    main(*sys.argv[1:5])
