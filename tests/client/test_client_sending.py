"""The client's send chain against a scripted control plane: tokens, retries, pacing, lost answers.

In process, no server and no real sleep (``scripted.FakeClock``): each test states what the
control plane answers and checks what the client sent and how long it would have waited.
The emulator keeps the contract and fault-soak tests (test_client_faults, tests/reliability).
"""

from __future__ import annotations

import pickle
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from pulumi_runai._retry import RetryPolicy
from pulumi_runai._transport import NoAnswer, Request, Response, Stage
from pulumi_runai.client import token_requests_made
from pulumi_runai.errors import (
    Conflict,
    NotFound,
    RateLimited,
    ServerError,
    TransportError,
    Unauthorized,
)

from .scripted import (
    CLIENT_ID,
    SECRET,
    TOKEN,
    FakeClock,
    ScriptedTransport,
    answer,
    dropped,
    read_timeout,
    refused,
    scripted_client,
)

ITEMS = "/api/v1/items"
ONE = "/api/v1/items/1"
OK = answer(200, {"items": [{"id": "1"}]})


@pytest.fixture
def server() -> ScriptedTransport:
    return ScriptedTransport(FakeClock())


# ---- tokens ---------------------------------------------------------------------------------


def test_one_token_for_many_calls_from_many_threads(server: ScriptedTransport) -> None:
    server.serve("GET", ITEMS, lambda _: OK)
    client = scripted_client(server)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: client.get(ITEMS), range(200)))
    assert results == [OK.body()] * 200
    assert server.tokens_granted == token_requests_made() == 1
    assert len(server.calls(ITEMS)) == 200


def test_a_token_is_renewed_before_it_expires(server: ScriptedTransport) -> None:
    # One thread: with a fake clock, other threads could move time on between a token check
    # and its request. Concurrent first use is test_one_token_for_many_calls_from_many_threads.
    server.token_lifetime = 2.0
    server.serve("GET", ITEMS, lambda _: OK)
    client = scripted_client(server)
    for _ in range(50):  # 5 s of calls, 0.1 s apart, with 2 s tokens renewed at 90 % of life
        client.get(ITEMS)
        server.clock.advance(0.1)
    assert server.tokens_granted == 3  # at 0, 1.8 and 3.6 s
    assert 401 not in server.answers


def test_a_401_renews_the_token_once_and_the_call_succeeds(server: ScriptedTransport) -> None:
    server.serve("GET", ITEMS, lambda _: OK)
    client = scripted_client(server)
    client.get(ITEMS)
    server.revoke_tokens()  # as after a signing-key rotation
    assert client.get(ITEMS) == OK.body()
    assert server.calls()[2:] == [("GET", ITEMS, 401), ("POST", TOKEN, 200), ("GET", ITEMS, 200)]


def test_a_401_with_a_fresh_token_is_unauthorized_not_a_loop(server: ScriptedTransport) -> None:
    server.serve("GET", ITEMS, lambda _: answer(401, {"message": "not for you"}))
    with pytest.raises(Unauthorized) as info:
        scripted_client(server).get(ITEMS)
    assert [c[:2] for c in server.calls()] == [("POST", TOKEN), ("GET", ITEMS)] * 2
    assert "RUNAI_CLIENT_SECRET" in str(info.value)


def test_refused_credentials_are_not_retried_and_name_the_settings(
    server: ScriptedTransport,
) -> None:
    server.script("POST", TOKEN, answer(401, {"code": 401, "message": f"bad secret {SECRET}"}))
    with pytest.raises(Unauthorized) as info:
        scripted_client(server).get(ITEMS)
    text = str(info.value)
    assert f"refused client id {CLIENT_ID!r} and its secret" in text
    assert "runai:clientId" in text and "RUNAI_CLIENT_SECRET" in text
    assert SECRET not in text and SECRET not in repr(info.value)
    assert server.calls() == [("POST", TOKEN, 401)]


# ---- pacing and retries ---------------------------------------------------------------------


def test_paced_429s_do_not_spend_the_attempt_budget(server: ScriptedTransport) -> None:
    server.script("GET", ITEMS, *[answer(429, retry_after=0.1)] * 30)
    server.serve("GET", ITEMS, lambda _: OK)
    client = scripted_client(server, retry=RetryPolicy(max_attempts=2))
    assert client.get(ITEMS) == OK.body()
    assert len(server.calls(ITEMS)) == 31
    assert server.clock.sleeps == pytest.approx([0.1] * 30)  # as the server asked, no more


def test_429s_without_retry_after_spend_attempts(server: ScriptedTransport) -> None:
    server.script("GET", ITEMS, *[answer(429)] * 5)
    client = scripted_client(server, retry=RetryPolicy(max_attempts=3))
    with pytest.raises(RateLimited) as info:
        client.get(ITEMS)
    assert len(server.calls(ITEMS)) == 3
    assert info.value.retry_after is None


def test_a_long_throttle_is_bounded_by_the_total_time(server: ScriptedTransport) -> None:
    server.serve("GET", ITEMS, lambda _: answer(429, retry_after=3600))
    client = scripted_client(server, retry=RetryPolicy(total_timeout=60, max_retry_after=10))
    started = server.clock.now()
    with pytest.raises(RateLimited) as info:
        client.get(ITEMS)
    assert set(server.clock.sleeps) == {10}  # Retry-After capped at max_retry_after
    assert 50 <= server.clock.now() - started <= 60
    assert info.value.retry_after == 3600


def test_a_post_that_got_429_is_sent_again_without_a_lookup(server: ScriptedTransport) -> None:
    server.script("POST", ITEMS, answer(429, retry_after=0.2), answer(201, {"id": "1"}))
    created = scripted_client(server).create(ITEMS, {"name": "a"}, _no_lookup)
    assert created == {"id": "1"}
    assert len(server.calls(ITEMS)) == 2


def test_a_429_storm_on_many_threads_makes_each_object_once(server: ScriptedTransport) -> None:
    made: Counter[str] = Counter()

    def create(request: Request) -> Response:
        made[request.json["name"]] += 1
        return answer(201, {"id": request.json["name"]})

    server.script("POST", ITEMS, *[answer(429, retry_after=0.1)] * 40)
    server.script("GET", ITEMS, *[answer(429, retry_after=0.1)] * 40)
    server.serve("POST", ITEMS, create)
    server.serve("GET", ITEMS, lambda _: OK)
    client = scripted_client(server, retry=RetryPolicy(max_attempts=2))

    def work(n: int) -> Any:
        client.create(ITEMS, {"name": f"storm-{n}"}, _no_lookup)
        return client.get(ITEMS)

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(work, range(16))) == [OK.body()] * 16
    assert made == {f"storm-{n}": 1 for n in range(16)}
    assert server.answers.count(429) == 80


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_idempotent_calls_ride_out_5xx_and_lost_answers(
    server: ScriptedTransport, method: str
) -> None:
    server.script(method, ONE, answer(503), answer(502, retry_after=0.5), dropped(),
                  read_timeout(), answer(504), answer(200, {"id": "1"}))
    client = scripted_client(server)
    verbs = {"GET": lambda: client.get(ONE), "PUT": lambda: client.put(ONE, {"a": 1}),
             "PATCH": lambda: client.patch(ONE, {"a": 1}), "DELETE": lambda: client.delete(ONE)}
    assert verbs[method]() == {"id": "1"}
    assert len(server.calls(ONE)) == 6
    sleeps = server.clock.sleeps
    assert sleeps[1] == 0.5  # a 5xx's Retry-After is honoured too
    assert 0.025 <= sleeps[0] <= 0.05 and sleeps[4] > sleeps[0]  # backoff grows from 0.05 s


def test_the_attempt_budget_bounds_a_total_outage(server: ScriptedTransport) -> None:
    server.serve("GET", ITEMS, lambda _: answer(503))
    with pytest.raises(ServerError, match="503"):
        scripted_client(server, retry=RetryPolicy(max_attempts=4)).get(ITEMS)
    assert len(server.calls(ITEMS)) == 4


def test_a_500_is_not_retried(server: ScriptedTransport) -> None:
    server.script("GET", ITEMS, answer(500, {"message": "bug"}))
    with pytest.raises(ServerError, match="bug"):
        scripted_client(server).get(ITEMS)
    assert len(server.calls(ITEMS)) == 1


# ---- lost answers ---------------------------------------------------------------------------


def _no_lookup() -> dict[str, Any] | None:
    raise AssertionError("the create looked the object up although no answer was lost")


class Lookup:
    """``find_existing`` of a test: answers from a list and counts the calls."""

    def __init__(self, *found: dict[str, Any] | None) -> None:
        self.found = list(found)
        self.calls = 0

    def __call__(self) -> dict[str, Any] | None:
        self.calls += 1
        return self.found.pop(0)


MINE = {"id": "7", "name": "a", "createdBy": CLIENT_ID}


@pytest.mark.parametrize("lost", [answer(503), answer(500), dropped(), read_timeout()])
def test_a_post_whose_answer_was_lost_is_looked_up_not_posted_again(
    server: ScriptedTransport, lost: Response | NoAnswer
) -> None:
    server.script("POST", ITEMS, lost)
    lookup = Lookup(MINE)
    assert scripted_client(server).create(ITEMS, {"name": "a"}, lookup) == MINE
    assert len(server.calls(ITEMS)) == 1 and lookup.calls == 1


def test_a_lost_post_not_found_is_posted_again(server: ScriptedTransport) -> None:
    server.script("POST", ITEMS, dropped(), answer(201, {"id": "8"}))
    lookup = Lookup(None)
    assert scripted_client(server).create(ITEMS, {"name": "a"}, lookup) == {"id": "8"}
    assert len(server.calls(ITEMS)) == 2 and lookup.calls == 1


def test_a_409_after_a_lost_answer_takes_the_object_this_create_made(
    server: ScriptedTransport,
) -> None:
    # The first POST committed but its answer was lost; the lookup ran before the commit was
    # visible; the second POST hits the object the first one made.
    server.script("POST", ITEMS, answer(503), answer(409, {"message": "exists"}))
    lookup = Lookup(None, MINE)
    assert scripted_client(server).create(ITEMS, {"name": "a"}, lookup) == MINE
    assert lookup.calls == 2


def test_a_lost_answer_never_adopts_an_object_someone_else_made(
    server: ScriptedTransport,
) -> None:
    theirs = {"id": "9", "name": "a", "createdBy": "alice@example.com",
              "createdAt": "2020-01-01T00:00:00Z"}
    server.script("POST", ITEMS, answer(503))
    with pytest.raises(Conflict) as info:
        scripted_client(server).create(ITEMS, {"name": "a"}, Lookup(theirs))
    assert "id 9" in str(info.value) and "alice@example.com" in str(info.value)


def test_a_409_without_a_lost_answer_is_a_conflict(server: ScriptedTransport) -> None:
    server.script("POST", ITEMS, answer(409, {"message": "name taken"}))
    with pytest.raises(Conflict, match="name taken"):
        scripted_client(server).create(ITEMS, {"name": "a"}, _no_lookup)


def test_a_post_under_a_total_outage_gives_up_bounded(server: ScriptedTransport) -> None:
    server.serve("POST", ITEMS, lambda _: answer(503))
    lookup = Lookup(None, None, None)
    with pytest.raises(ServerError):
        scripted_client(server, retry=RetryPolicy(max_attempts=3)).create(ITEMS, {}, lookup)
    assert len(server.calls(ITEMS)) == 3 and lookup.calls == 3  # each POST looked up first


def test_a_delete_whose_answer_was_lost_counts_as_done(server: ScriptedTransport) -> None:
    server.script("DELETE", ONE, dropped(), answer(404, {"message": "no such item"}))
    assert scripted_client(server).delete(ONE) is None
    assert [c[2] for c in server.calls(ONE)] == ["DROPPED", 404]


def test_a_delete_of_something_gone_is_not_found(server: ScriptedTransport) -> None:
    server.script("DELETE", ONE, answer(404, {"message": "no such item"}))
    with pytest.raises(NotFound):
        scripted_client(server).delete(ONE)


# ---- no answer at all ---------------------------------------------------------------------


def test_a_server_never_reached_is_given_up_in_a_moment(server: ScriptedTransport) -> None:
    server.script("POST", TOKEN, *[refused()] * 20)
    with pytest.raises(TransportError, match="could not connect") as info:
        scripted_client(server).get(ITEMS)
    assert len(server.calls(TOKEN)) == RetryPolicy().unreached_attempts == 3
    assert sum(server.clock.sleeps) < 0.2
    assert info.value.sent is False


def test_a_restart_of_a_server_already_reached_is_ridden_out(server: ScriptedTransport) -> None:
    server.serve("GET", ITEMS, lambda _: OK)
    server.serve("POST", ITEMS, lambda _: answer(201, {"id": "2"}))
    client = scripted_client(server)
    client.get(ITEMS)
    server.script("GET", ITEMS, *[refused()] * 12)  # the server restarts for a few seconds
    server.script("POST", ITEMS, *[refused()] * 12)
    assert client.get(ITEMS) == OK.body()
    # A POST that never left cannot have been carried out: sent again, no lookup needed.
    assert client.create(ITEMS, {"name": "b"}, _no_lookup) == {"id": "2"}
    assert [c[2] for c in server.calls(ITEMS)].count("UNREACHABLE") == 24


def test_a_read_timeout_names_the_timeout_setting(server: ScriptedTransport) -> None:
    server.serve("GET", ITEMS, lambda _: OK)
    client = scripted_client(server, retry=RetryPolicy(max_attempts=2))
    client.get(ITEMS)
    server.script("GET", ITEMS, read_timeout(), read_timeout())
    with pytest.raises(TransportError) as info:
        client.get(ITEMS)
    assert "no answer within 10s (runai:timeout / RUNAI_TIMEOUT)" in str(info.value)
    assert (info.value.method, info.value.path, info.value.sent) == ("GET", ITEMS, True)
    assert pickle.loads(pickle.dumps(info.value)).sent is True


def test_an_untrusted_certificate_is_not_retried(server: ScriptedTransport) -> None:
    server.script("POST", TOKEN, NoAnswer(Stage.TLS, "CERTIFICATE_VERIFY_FAILED"))
    with pytest.raises(TransportError, match="runai:caBundle"):
        scripted_client(server).get(ITEMS)
    assert len(server.calls(TOKEN)) == 1


def test_the_client_sends_what_the_caller_gave(server: ScriptedTransport) -> None:
    seen: list[Request] = []

    def record(request: Request) -> Response:
        seen.append(request)
        return OK

    server.serve("GET", ITEMS, record)
    scripted_client(server).list_all(ITEMS, envelope="items", filters=["name==a"])
    (request,) = seen
    assert request.url == "https://tenant.run.ai.test/api/v1/items"
    assert request.params == {"filterBy": "name==a", "offset": 0, "limit": 200}
    assert request.headers["Authorization"] == "Bearer token-1"
    assert request.timeout == (10.0, 10.0)
