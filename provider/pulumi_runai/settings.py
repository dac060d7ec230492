"""Connection settings, resolved at run time from stack config or the environment.

Why not stored on the provider: a dynamic provider is pickled into the state, so anything on
it ends up in ``__provider``. ``configure()`` (and ``lookups``) call ``Settings.resolve`` each
time the host starts; ``Settings`` refuses to be pickled so a slip fails loudly.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn
from urllib.parse import urlsplit

from .errors import BadURL, ConfigError

__all__ = ["DEFAULT_TIMEOUT", "Settings"]

DEFAULT_TIMEOUT = 30.0

# setting -> (stack config key, environment variable, how to set it in words)
_KEYS: dict[str, tuple[str, str]] = {
    "url": ("runai:url", "RUNAI_URL"),
    "client_id": ("runai:clientId", "RUNAI_CLIENT_ID"),
    "client_secret": ("runai:clientSecret", "RUNAI_CLIENT_SECRET"),
    "ca_bundle": ("runai:caBundle", "RUNAI_CA_BUNDLE"),
    "insecure_skip_verify": ("runai:insecureSkipVerify", "RUNAI_INSECURE_SKIP_VERIFY"),
    "timeout": ("runai:timeout", "RUNAI_TIMEOUT"),
}
WAIT_TIMEOUT_KEYS = ("runai:waitTimeout", "RUNAI_WAIT_TIMEOUT")
"""Seconds an object may take to become ready or gone (the provider's, not the client's)."""
HOST_THREADS_KEYS = ("runai:hostThreads", "RUNAI_HOST_THREADS")
"""Provider calls the dynamic host serves at once."""
CONFIG_KEYS: tuple[str, ...] = (
    *(key for key, _env in _KEYS.values()),
    WAIT_TIMEOUT_KEYS[0],
    HOST_THREADS_KEYS[0],
)
"""Every `runai:*` stack config key the provider reads, each with its `RUNAI_*` twin."""
_EXAMPLES = {
    "url": "pulumi config set runai:url https://<tenant>.run.ai",
    "client_id": "pulumi config set runai:clientId <client id>",
    "client_secret": "pulumi config set --secret runai:clientSecret <client secret>",
}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class Settings:
    """Where and as whom to talk to the Run:ai control plane.

    Hashable: the process-wide client, token and lookup caches are keyed by it.
    """

    url: str
    client_id: str
    client_secret: str = field(repr=False)
    ca_bundle: str | None = None
    insecure_skip_verify: bool = False
    timeout: float = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", normalise_url(self.url))
        if not self.client_id:
            _missing("client_id")
        if not self.client_secret:
            _missing("client_secret")
        if not self.timeout > 0:  # also refuses nan
            raise invalid(*_KEYS["timeout"], f"must be {_SECONDS}, got {self.timeout!r}")

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            "pulumi_runai.Settings holds a client secret and must not be pickled: resolve it "
            "in configure() (or at call time) instead of storing it on a provider"
        )

    @property
    def verify(self) -> bool | str:
        """The value for ``requests``' ``verify``: a CA bundle path, or False when skipping."""
        if self.insecure_skip_verify:
            return False
        return self.ca_bundle or True

    @classmethod
    def resolve(
        cls,
        config: Mapping[str, Any] | None = None,
        env: Mapping[str, str] = os.environ,
    ) -> Settings:
        """Build settings from stack config (wins) and the environment.

        ``config`` is what ``ConfigureRequest.config`` or ``pulumi.Config("runai")`` hold:
        keys ``runai:url``, ``runai:clientId``, ... (bare ``url``, ``clientId`` are accepted
        too). Empty strings count as unset. A missing value raises ``ConfigError`` naming both
        the stack config key and the environment variable.
        """
        config = config or {}

        def pick(name: str) -> str | None:
            key, var = _KEYS[name]
            for candidate in (config.get(key), config.get(key.split(":", 1)[1]), env.get(var)):
                if candidate is not None and str(candidate).strip() != "":
                    return str(candidate).strip()
            return None

        url = pick("url") or _missing("url")
        client_id = pick("client_id") or _missing("client_id")
        client_secret = pick("client_secret") or _missing("client_secret")
        ca_bundle = pick("ca_bundle")
        if ca_bundle is not None and not os.path.isfile(ca_bundle):
            raise invalid(*_KEYS["ca_bundle"], "must be a readable PEM file with the control "
                          f"plane's CA, got {ca_bundle!r}")
        return cls(
            url=url,
            client_id=client_id,
            client_secret=client_secret,
            ca_bundle=ca_bundle,
            insecure_skip_verify=_parse_bool(pick("insecure_skip_verify")),
            timeout=_parse_timeout(pick("timeout")),
        )


_SECONDS = "a positive number of seconds"


def invalid(key: str, env: str, problem: str) -> ConfigError:
    """The error for a bad value: ``runai:timeout / RUNAI_TIMEOUT must be ..., got 'x'``."""
    return ConfigError(f"{key} / {env} {problem}", key, env, problem)


def _missing(name: str) -> NoReturn:
    key, var = _KEYS[name]
    label = {"url": "URL", "client_id": "client id", "client_secret": "client secret"}[name]
    raise ConfigError(
        f"The Run:ai {label} is not set. Set stack config {key} (`{_EXAMPLES[name]}`) "
        f"or the environment variable {var}.", key, var, "is not set"
    )


def normalise_url(url: str) -> str:
    """The control plane's URL without a trailing slash; BadURL unless it is http(s)."""
    url = (url or "").strip().rstrip("/")
    if not url:
        _missing("url")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadURL(
            f"The Run:ai URL {url!r} is not an http(s) URL: set runai:url or RUNAI_URL to the "
            "control plane's address, for example https://<tenant>.run.ai", url
        )
    return url


def _parse_bool(raw: str | None) -> bool:
    if raw is None:
        return False
    low = raw.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise invalid(*_KEYS["insecure_skip_verify"], f"must be true or false, got {raw!r}")


def _parse_timeout(raw: str | None) -> float:
    if raw is None:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:  # also refuses nan
        raise invalid(*_KEYS["timeout"], f"must be {_SECONDS}, got {raw!r}")
    return seconds
