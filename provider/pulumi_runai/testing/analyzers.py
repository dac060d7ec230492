"""The policy hook: analyzers the deployment consults the way the engine consults packs.

Anything with ``analyze(resource)`` and/or ``analyze_stack(resources)`` fits (for example
:class:`~pulumi_runai.testing.policy_host.PolicyPackHost`); a bare callable is a resource
analyzer. A mandatory violation stops an update before the resource's step; a preview goes
on, reports every violation and then fails, as the engine's dry run does. Others are
reported on the result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from ._wire import Props

Level = Literal["advisory", "mandatory", "remediate", "disabled"]


@dataclass(frozen=True)
class AnalyzedResource:
    """What a policy sees: resource checks get checked *inputs*, stack checks get *outputs*.

    ``props`` are plain values (secrets unwrapped, as pulumi-policy presents them); during
    preview, values not yet known are the engine's unknown sentinel string.
    """

    type: str
    urn: str
    name: str
    props: Props
    parent: str = ""
    dependencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Violation:
    policy_name: str
    message: str
    enforcement_level: Level = "advisory"
    urn: str = ""
    policy_pack: str = ""

    @property
    def mandatory(self) -> bool:
        return self.enforcement_level == "mandatory"


@runtime_checkable
class ResourceAnalyzer(Protocol):
    def analyze(self, resource: AnalyzedResource) -> Sequence[Violation]: ...


@runtime_checkable
class StackAnalyzer(Protocol):
    def analyze_stack(self, resources: Sequence[AnalyzedResource]) -> Sequence[Violation]: ...


ResourceCheck = Callable[[AnalyzedResource], Iterable[Violation]]
AnalyzerLike = ResourceAnalyzer | StackAnalyzer | ResourceCheck


def analyze_resource(analyzers: Sequence[AnalyzerLike], res: AnalyzedResource) -> list[Violation]:
    found: list[Violation] = []
    for analyzer in analyzers:
        if isinstance(analyzer, ResourceAnalyzer):
            found.extend(analyzer.analyze(res))
        elif not isinstance(analyzer, StackAnalyzer) and callable(analyzer):
            found.extend(analyzer(res))
    return found


def analyze_stack(
    analyzers: Sequence[AnalyzerLike], resources: Sequence[AnalyzedResource]
) -> list[Violation]:
    found: list[Violation] = []
    for analyzer in analyzers:
        if isinstance(analyzer, StackAnalyzer):
            found.extend(analyzer.analyze_stack(resources))
    return found
