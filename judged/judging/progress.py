"""How judging reports where it stands while it runs, so the daemon can tell waiting clients.

The judge calls these hooks from the event loop as it goes; they must return at
once (an implementation that talks to Redis queues the event and sends it from
its own task). The base class ignores everything, so callers that do not care
pass nothing.
"""

from __future__ import annotations

from judged.judging.verdicts import Verdict


class Progress:
    """No-op hooks; the worker subclasses this to publish events."""

    def running(self, total: int) -> None:
        """The program is built and about to run `total` tests."""

    def test_done(self, index: int, total: int, verdict: Verdict) -> None:
        """Test `index` (0-based, in judging order) of `total` has its verdict."""


NO_PROGRESS = Progress()
