"""The local commands behind `scripts/deploy`, `scripts/destroy` and `scripts/inventory`.

They run a stack (the top-level organisation, another org.yaml-format file, or an example)
against a local Run:ai emulator, as an admin runs ``pulumi preview --diff`` and ``pulumi up``:
the plan per field in the user's terms, consent before anything is deleted or replaced, a
report in the same terms, and one message with its fix when something goes wrong. One concern
per module:

* :mod:`.values`     numbers and values shown as the user wrote them
* :mod:`.fields`     the per-field difference of two values (``resources[a100].gpu.deserved``)
* :mod:`.plan`       steps of a run rendered as plan, drift or report lines with counts
* :mod:`.consent`    asking before deletes and replaces (refusing without a terminal)
* :mod:`.failures`   any failure as one message with its fix
* :mod:`.emulator`   the background emulator of a working tree (start, reuse, stop)
* :mod:`.targets`    what a command deploys: its program, project, stack and state
* :mod:`.policy`     ``--policy-pack`` / ``--policy-pack-config`` for the harness
* :mod:`.harness`    running a target through :mod:`pulumi_runai.testing`
* :mod:`.pulumi_cli` running a target with the Pulumi CLI, when it is on PATH
* :mod:`.stacks`     which tenant objects the local stacks manage (for the inventory)
* :mod:`.cli`        the commands and their flags
"""
