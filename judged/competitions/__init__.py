"""Competitions as a domain: this host's caches of them, admission, the board hook and the board snapshot.

No aiohttp here: the API (`judged.api.competitions`) parses requests, calls this package and maps
its exceptions (`judged.competitions.errors`) to HTTP in one place (`judged.api.errors`).
"""

from judged.competitions.service import Competitions

__all__ = ["Competitions"]
