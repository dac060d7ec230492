"""Pure parts of the client, no server: filterBy, envelopes, bodies, backoff, JWT, redaction."""

from __future__ import annotations

import base64
import json
import pickle
import random
import time

import pytest
from pulumi_runai._http import extract_items, join_path, more_pages, parse_body
from pulumi_runai._retry import RetryPolicy, parse_retry_after
from pulumi_runai._token import TokenCache, jwt_claims, refresh_margin, token_lifetime
from pulumi_runai.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    RateLimited,
    RunaiError,
    RunaiHTTPError,
    ServerError,
    Unauthorized,
    ValidationError,
    error_for_status,
    redact,
    redact_text,
)
from pulumi_runai.filters import condition, filter_by, join_filters


def make_jwt(claims: dict[str, object]) -> str:
    def part(obj: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.c2lnbmF0dXJl"


# ---- filterBy -----------------------------------------------------------------------------


def test_filter_by_joins_conditions_with_commas_and_skips_none() -> None:
    filters = filter_by(name="team-a", clusterId="c-1", parentId=None)
    assert filters == ["name==team-a", "clusterId==c-1"]
    assert join_filters(filters) == "name==team-a,clusterId==c-1"
    assert join_filters([]) is None


def test_filter_values_that_the_wire_format_cannot_carry_are_refused() -> None:
    with pytest.raises(ValidationError, match="comma"):
        condition("name", "==", "a,b")
    with pytest.raises(ValidationError, match="operator"):
        condition("name", "~=", "a")
    assert condition("isLocal", "==", True) == "isLocal==true"
    assert condition("name", "=^", "team") == "name=^team"


# ---- envelopes and bodies -------------------------------------------------------------------

ITEM = {"id": "1", "name": "a"}


@pytest.mark.parametrize(
    ("body", "envelope"),
    [
        ([ITEM], None),
        ({"departments": [ITEM], "next": 1}, "departments"),
        ({"projects": [ITEM]}, "projects"),
        ({"nodepools": [ITEM]}, "nodepools"),
        ({"totalRecords": 1, "displayRecords": 1, "accessRules": [ITEM]}, "accessRules"),
        ({"accessRules": [ITEM], "totalRecords": 1}, None),  # envelope guessed
        ({"whatever": [ITEM], "count": 1}, None),  # the only list field
    ],
)
def test_every_list_envelope_yields_the_items(body: object, envelope: str | None) -> None:
    assert extract_items(body, envelope) == [ITEM]


def test_empty_and_text_list_answers_are_empty_lists() -> None:
    assert extract_items(None, "projects") == []
    assert extract_items("", None) == []
    assert extract_items({"projects": None}, "projects") == []


def test_unknown_list_shape_is_a_clear_error() -> None:
    with pytest.raises(RunaiError, match="expected a JSON array"):
        extract_items({"a": [1], "b": [2]}, "projects", where="GET /x")


def test_parse_body_tolerates_empty_text_and_json() -> None:
    assert parse_body(b"", "application/json") is None
    assert (
        parse_body(b"Project with id 3 is deleted", "text/plain") == "Project with id 3 is deleted"
    )
    assert parse_body(b'{"code": 202}', "application/json") == {"code": 202}
    assert parse_body(b"[1]", None) == [1]
    assert parse_body(b"{broken", "application/json") == "{broken"


def test_more_pages_uses_page_length_next_and_total() -> None:
    assert more_pages([], 0, 50, 0) is False
    assert more_pages([ITEM] * 50, 50, 50, 50) is True
    assert more_pages({"projects": [ITEM], "next": 51}, 1, 50, 51) is True
    assert more_pages({"accessRules": [ITEM], "totalRecords": 10}, 1, 50, 5) is True
    assert more_pages({"accessRules": [ITEM], "totalRecords": 5}, 1, 50, 5) is False


def test_join_path_quotes_ids_so_they_stay_one_segment() -> None:
    assert join_path("/api/v1/users", "a/../b") == "/api/v1/users/a%2F..%2Fb"
    assert join_path("/api/v1/authorization/roles", 7) == "/api/v1/authorization/roles/7"


# ---- backoff -------------------------------------------------------------------------------


def test_backoff_starts_short_grows_and_is_capped() -> None:
    policy = RetryPolicy()
    rng = random.Random(1)
    waits = [policy.backoff(n, rng) for n in range(1, 12)]
    assert 0.025 <= waits[0] <= 0.05
    assert all(w <= policy.max_interval for w in waits)
    assert waits[5] > waits[0]
    # jitter: the same attempt does not always wait the same
    assert len({round(policy.backoff(4, rng), 6) for _ in range(20)}) > 1


def test_retry_after_is_honoured_fractional_and_capped() -> None:
    policy = RetryPolicy(max_retry_after=2.0)
    assert parse_retry_after("0.1") == pytest.approx(0.1)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert policy.delay(1, 0.1) == pytest.approx(0.1)
    assert policy.delay(1, 60.0) == 2.0


def test_retry_budget_bounds_attempts_and_time() -> None:
    policy = RetryPolicy(max_attempts=3, total_timeout=1.0)
    now = time.monotonic()
    assert policy.may_retry(1, now, 0.1)
    assert not policy.may_retry(3, now, 0.1)
    assert not policy.may_retry(1, now - 0.95, 0.1)
    assert not policy.may_retry(1, 100.0, 0.1, now=100.95)  # on an injected clock


def test_a_server_never_reached_gets_a_few_attempts_only() -> None:
    policy = RetryPolicy(max_attempts=20, unreached_attempts=3)
    assert policy.may_retry(2, 0.0, 0.1, now=0.0, reached=False)
    assert not policy.may_retry(3, 0.0, 0.1, now=0.0, reached=False)
    assert policy.may_retry(19, 0.0, 0.1, now=0.0, reached=True)
    assert not RetryPolicy(max_attempts=1).may_retry(1, 0.0, 0.1, now=0.0, reached=False)


def test_a_paced_429_does_not_spend_the_attempt_budget() -> None:
    policy = RetryPolicy()
    assert not policy.charges(429, 0.1)  # the server said when to come back
    assert policy.charges(429, None) and policy.charges(429, 0.0)  # no real pacing
    assert policy.charges(503, 5.0)


# ---- tokens --------------------------------------------------------------------------------


def test_jwt_exp_wins_over_expires_in() -> None:
    now = 1_000_000.0
    token = make_jwt({"exp": now + 120, "iat": now - 3480})
    remaining, total = token_lifetime(token, expires_in=3600, now=now)
    assert remaining == pytest.approx(120)
    assert total == pytest.approx(3600)


def test_expires_in_is_the_fallback_and_garbage_is_tolerated() -> None:
    assert token_lifetime("not-a-jwt", expires_in=42) == (42.0, 42.0)
    assert jwt_claims("a.!!!.c") == {}
    assert token_lifetime("a.b", expires_in=None)[0] > 0


def test_refresh_margin_is_small_for_short_tokens() -> None:
    assert refresh_margin(2.0) == pytest.approx(0.2)
    assert refresh_margin(3600.0) == 60.0


def test_token_cache_fetches_once_and_renews_only_the_stale_token() -> None:
    cache = TokenCache()
    tokens = iter(["t1", "t2"])
    key = ("https://x", "id", "secret-digest")
    assert cache.get(key, lambda: (next(tokens), 3600)) == "t1"
    assert cache.get(key, lambda: (next(tokens), 3600)) == "t1"
    cache.invalidate(key, "something-else")
    assert cache.get(key, lambda: (next(tokens), 3600)) == "t1"
    cache.invalidate(key, "t1")
    assert cache.get(key, lambda: (next(tokens), 3600)) == "t2"
    assert cache.fetches == 2
    assert "t2" not in repr(cache)


def test_expired_token_is_renewed() -> None:
    cache = TokenCache()
    key = ("https://x", "id", "secret-digest")
    expired = make_jwt({"exp": time.time() - 1})
    assert cache.get(key, lambda: (expired, None)) == expired
    assert cache.get(key, lambda: ("fresh", 3600)) == "fresh"


# ---- errors and redaction ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequest),
        (401, Unauthorized),
        (403, Forbidden),
        (404, NotFound),
        (409, Conflict),
        (429, RateLimited),
        (503, ServerError),
        (418, RunaiHTTPError),
    ],
)
def test_status_maps_to_the_error_class(status: int, cls: type[RunaiHTTPError]) -> None:
    error = error_for_status(
        status, {"code": status, "message": "m", "details": "d"}, method="GET", path="/p"
    )
    assert type(error) is cls
    assert (error.status, error.code, error.message, error.details) == (status, status, "m", "d")
    assert (error.method, error.path) == ("GET", "/p")
    assert str(error).startswith(f"GET /p: {status} m (d)")


def test_conflict_carries_the_servers_reason_for_the_caller_to_complete() -> None:
    # A 409 has many causes (same key, namespace in use, being deleted): the lifecycle, which
    # knows which, adds the fix; the client does not guess one.
    error = error_for_status(409, {"message": "namespace in use"}, method="POST", path="/p")
    assert str(error) == "POST /p: 409 namespace in use"


def test_text_and_oauth_error_bodies() -> None:
    assert error_for_status(502, "<html>bad gateway</html>", method="GET", path="/").message
    oauth = {"error": "invalid_client", "error_description": "Client authentication failed"}
    assert error_for_status(401, oauth, method="POST", path="/t").message == (
        "Client authentication failed"
    )


def test_errors_survive_pickling_with_their_fields() -> None:
    error = error_for_status(404, {"message": "gone"}, method="GET", path="/x")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is NotFound and again.path == "/x" and str(again) == str(error)


def test_redaction_of_keys_jwts_and_known_secrets() -> None:
    jwt = make_jwt({"exp": 1})
    body = {"id": "u", "tempPassword": "Xy12abcd", "nested": [{"clientSecret": "s", "ok": jwt}]}
    assert redact(body) == {
        "id": "u",
        "tempPassword": "[redacted]",
        "nested": [{"clientSecret": "[redacted]", "ok": "[redacted]"}],
    }
    assert redact_text(f"bad secret hunter2x, token {jwt}", ["hunter2x"]) == (
        "bad secret [redacted], token [redacted]"
    )
    secret_in_message = error_for_status(
        401, {"message": "wrong secret hunter2x"}, method="POST", path="/t", secrets=["hunter2x"]
    )
    assert "hunter2x" not in str(secret_in_message)
