"""The daemon's one Settings object: etc/judged.toml, then JUDGED_* environment variables, then flags.

Every key of the file can also be set from the environment: a top-level key
`state_dir` as `JUDGED_STATE_DIR`, a key `url` of section `[redis]` as
`JUDGED_REDIS_URL`. A list takes comma-separated items
(`JUDGED_SERVER_TOKENS=abc,def`); `server.frontends` takes `name=secret`
items (`JUDGED_SERVER_FRONTENDS=site=<secret>`). Command-line flags override both.
"""

from __future__ import annotations

import ipaddress
import os
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from judged.judging.build_cache import BuildSettings
from judged.sandbox import SandboxConfig

ENV_PREFIX = "JUDGED_"
ENV_PAIRS = {"server.frontends": ("name", "secret")}
"""Lists of tables set from the environment as `name=secret,name=secret`."""
Role = Literal["api", "worker", "all"]


SENTINEL_ADDRESS = r"^(\[[0-9A-Fa-f:.]+\]|[^\s:\[\]]+):[0-9]{1,5}$"
"""HOST:PORT or [IPv6]:PORT of one Redis sentinel."""

MIN_SECRET_BYTES = 32
"""The shortest frontend secret accepted: HS256 wants a key of at least its hash's 256 bits."""


class FrontendSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # A frontend that asserts who its participants are with signed tokens
    # (HS256 JWTs carrying `sub` and `exp`, docs/security.md).
    # Its name: the token's `kid` header, and what the logs call it.
    name: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_.-]{1,64}$")]
    # The shared HMAC secret, at least 32 bytes (e.g. `openssl rand -hex 32`).
    secret: Annotated[str, msgspec.Meta(min_length=MIN_SECRET_BYTES)]

    def __post_init__(self) -> None:
        if len(self.secret.encode()) < MIN_SECRET_BYTES or len(set(self.secret)) < 8:
            raise ValueError(f"frontend {self.name}: the secret must be at least {MIN_SECRET_BYTES} random bytes")


class ServerSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # HOST:PORT the HTTP API listens on. With no token configured judged
    # listens on 127.0.0.1 whatever this says, and logs that it does.
    listen: str = "127.0.0.1:8080"
    # What this host does: "api" (HTTP only), "worker" (judging only) or "all".
    role: Role = "all"
    # Trusted service tokens, for a backend that calls judged server to server
    # on behalf of many users (it names `user_id` in each request). They must
    # never reach a browser. Empty, with no frontends and no admin tokens:
    # no authentication, and the API listens on loopback only.
    tokens: tuple[str, ...] = ()
    # Frontends whose signed participant tokens are accepted: each request then
    # acts as the token's `sub`, whatever its body says.
    frontends: tuple[FrontendSettings, ...] = ()
    # Bearer tokens for admin calls (creating competitions, ...). An admin
    # token is also accepted wherever a frontend token is.
    admin_tokens: tuple[str, ...] = ()
    # The largest request body accepted, in KiB.
    max_body_kib: Annotated[int, msgspec.Meta(ge=1, le=65536)] = 256
    # The longest ?wait= a client may ask of GET /v1/submissions/{id}, in seconds.
    max_wait: Annotated[float, msgspec.Meta(ge=0, le=300)] = 30.0
    # Seconds a leaderboard page is served from this host's memory before it
    # is read from Redis again (one read per page per interval per host).
    leaderboard_refresh: Annotated[float, msgspec.Meta(gt=0, le=60)] = 1.0
    # Connections open at once. When full, the oldest connection that has not
    # yet sent a complete request head is closed for the new one. Capped below
    # the process's open-file limit (raised to its hard limit at start).
    max_connections: Annotated[int, msgspec.Meta(ge=16, le=1_000_000)] = 10_000
    # Seconds a connection may take to send a complete request head, and a
    # request its body; slower ones are closed (a request body: 408).
    header_timeout: Annotated[float, msgspec.Meta(gt=0, le=600)] = 10.0
    # Processes serving the HTTP API, sharing the listen port (SO_REUSEPORT),
    # each with its own leaderboard snapshot. 0: the number of usable cores
    # with role "api", else 1. With more than one, the first process supervises
    # the others (restarts one that dies) and keeps the embedded Redis and the
    # worker slots; max_connections is shared out among them.
    processes: Annotated[int, msgspec.Meta(ge=0, le=256)] = 0

    def __post_init__(self) -> None:
        names = [frontend.name for frontend in self.frontends]
        if len(set(names)) != len(names):
            raise ValueError(f"frontend names must be unique, got {names}")
        secrets = {frontend.secret for frontend in self.frontends}
        if secrets & (set(self.tokens) | set(self.admin_tokens)):
            raise ValueError("a frontend secret must not also be a bearer token")

    @property
    def authenticated(self) -> bool:
        """Whether any credential is configured (else the API is open and listens on loopback only)."""
        return bool(self.tokens or self.admin_tokens or self.frontends)


class RedisSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # redis://host:port/db, rediss://... or unix:///path. Empty: judged starts
    # and supervises its own redis-server in <state_dir>/redis (unix socket
    # only, append-only file on): the embedded default for one host.
    url: str = ""
    # The prefix of every key judged writes, so deployments can share a Redis.
    prefix: str = "judged:"
    # Redis Sentinel, for a primary with replicas that fails over: HOST:PORT of
    # each sentinel (e.g. ["10.0.0.5:26379", "10.0.0.6:26379", "10.0.0.7:26379"]).
    # Set: judged asks them for the primary of `sentinel_service`, and again
    # after a failover; `url` must then be empty. docs/operations.md says what
    # a failover can lose and how the submissions database recovers it.
    sentinel: tuple[Annotated[str, msgspec.Meta(pattern=SENTINEL_ADDRESS)], ...] = ()
    # The name the sentinels monitor the primary under (`sentinel monitor NAME ...`).
    sentinel_service: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_.-]{1,64}$")] = "judged"
    # Replicas that must hold a new submission before its POST is answered 202
    # (Redis WAIT, up to `replica_wait` seconds): with 1, a failover right after
    # the answer cannot lose it. A replica that does not confirm in time is
    # logged and the submission accepted anyway (availability first). 0: no wait.
    wait_replicas: Annotated[int, msgspec.Meta(ge=0, le=16)] = 0
    replica_wait: Annotated[float, msgspec.Meta(gt=0, le=10)] = 0.5

    def __post_init__(self) -> None:
        if self.sentinel and self.url:
            raise ValueError("redis.url and redis.sentinel name the Redis twice: set one of them")


class WorkerSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # Worker slots (submissions judged at once). 0: the number of usable cores.
    slots: Annotated[int, msgspec.Meta(ge=0, le=1024)] = 0
    # Seconds a claimed submission may go without its slot finishing it
    # before another slot takes it over (its slot or host died).
    visibility_timeout: Annotated[float, msgspec.Meta(gt=0)] = 60.0
    # How many times one submission is claimed before it is finished as IE.
    max_attempts: Annotated[int, msgspec.Meta(ge=1, le=100)] = 3


class SubmissionSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # The largest source accepted, in KiB.
    max_code_kib: Annotated[int, msgspec.Meta(ge=1, le=1024)] = 64
    # Submissions (and runs) one user may have queued or being judged at once.
    max_active_per_user: Annotated[int, msgspec.Meta(ge=1)] = 3
    # Submissions (and runs) one user may make per minute.
    max_per_minute: Annotated[int, msgspec.Meta(ge=1)] = 20
    # Seconds a finished submission stays in Redis once it is in the
    # submissions database; after that it is read from the database.
    hot_seconds: Annotated[int, msgspec.Meta(ge=1)] = 3600


class DatabaseSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # The submissions database: every finished submission, the competitions,
    # the history. Empty: a SQLite file (WAL) in <state_dir>. postgresql://
    # user:password@host/db: that PostgreSQL server, shared by every host of
    # a deployment (API hosts read it, worker hosts write it).
    url: str = ""


class WebSettings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # The built web client (web/dist, made by `npm ci && npm run build` in web/),
    # served at /; relative to the working directory unless absolute
    # (judged's own build when missing there).
    dir: str = "web/dist"
    # Demo mode: the client lets anyone type a user id, and hands the browser a
    # frontend token when tokens are configured. "auto": on only when no token
    # is configured (the daemon then listens on loopback only); "on"; "off".
    demo: Literal["auto", "on", "off"] = "auto"


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # Where judged keeps what it writes: the built sandbox helper, the build
    # cache, the problem index and the embedded Redis. Created when missing.
    state_dir: str = "/var/lib/judged"
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    # The folder of language definitions (languages/<id>.toml), relative to
    # the working directory unless absolute; judged's own when missing there.
    languages_dir: str = "languages"
    # Folders holding problem folders; an earlier root wins a slug.
    problem_roots: tuple[str, ...] = ("problems",)
    # How often, in seconds, the problem roots are checked for changes.
    problem_reload_interval: Annotated[float, msgspec.Meta(gt=0)] = 2.0
    server: ServerSettings = ServerSettings()
    redis: RedisSettings = RedisSettings()
    database: DatabaseSettings = DatabaseSettings()
    worker: WorkerSettings = WorkerSettings()
    submissions: SubmissionSettings = SubmissionSettings()
    sandbox: SandboxConfig = SandboxConfig()
    builds: BuildSettings = BuildSettings()
    web: WebSettings = WebSettings()

    def __post_init__(self) -> None:
        host = self.server.listen.rpartition(":")[0].removeprefix("[").removesuffix("]")
        if self.web.demo == "on" and self.server.tokens and not is_loopback(host):
            raise ValueError(
                "web.demo = 'on' hands a service token to every browser, so it needs a loopback "
                f"server.listen, not {self.server.listen!r}; give participants signed tokens instead (docs/security.md)"
            )

    @property
    def sandbox_dir(self) -> Path:
        return Path(self.state_dir) / "sandbox"

    @property
    def languages_path(self) -> Path:
        """The language definitions: `languages_dir`, or judged's own when relative and not in the working
        directory (so `judged judge` works from any folder)."""
        return shipped(self.languages_dir)

    @property
    def web_path(self) -> Path:
        """The built web client: `web.dir`, or judged's own build when relative and not in the working directory."""
        return shipped(self.web.dir)


INSTALL_ROOT = Path(__file__).resolve().parents[1]
"""The checkout judged runs from: languages/, web/dist and problems/ beside the judged package."""


def shipped(folder: str) -> Path:
    """`folder` as given when absolute or present; a relative one missing here is looked up in `INSTALL_ROOT`."""
    path = Path(folder)
    if path.is_absolute() or path.exists():
        return path
    installed = INSTALL_ROOT / path
    return installed if installed.exists() else path


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or address, no port) reaches only this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SettingsError(Exception):
    """The configuration file cannot be read or does not fit Settings."""


def load_settings(
    path: Path | None, env: Mapping[str, str] | None = None, overrides: Mapping[str, object] | None = None
) -> Settings:
    """Decode `path` (TOML; None: built-in defaults), then apply `env` (JUDGED_*) and then `overrides`.

    `overrides` maps dotted keys (`server.listen`) to values, as the command line gives them.
    `env` defaults to nothing, so that only `judged`'s entry point reads the real environment.
    """
    try:
        raw: dict[str, Any] = msgspec.toml.decode(path.read_bytes()) if path is not None else {}
    except OSError as exc:
        raise SettingsError(f"{path}: {exc.strerror}") from exc
    except msgspec.DecodeError as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    where = str(path) if path is not None else "settings"
    try:
        settings = msgspec.convert(raw, Settings)
    except msgspec.ValidationError as exc:
        raise SettingsError(f"{where}: {exc}") from exc
    layered = msgspec.to_builtins(settings)
    for key, value in _from_env(env or {}).items():
        _set(layered, key, value)
    for key, value in (overrides or {}).items():
        if value is not None:
            _set(layered, key, value)
    try:
        return msgspec.convert(layered, Settings, strict=False)
    except msgspec.ValidationError as exc:
        raise SettingsError(f"{where} with JUDGED_* variables and flags: {exc}") from exc


def env_names() -> dict[str, str]:
    """Every JUDGED_* variable and the dotted key it sets."""
    names: dict[str, str] = {}
    for field in msgspec.structs.fields(Settings):
        if _is_struct(field.type):
            for sub in msgspec.structs.fields(field.type):
                names[f"{ENV_PREFIX}{field.name}_{sub.name}".upper()] = f"{field.name}.{sub.name}"
        else:
            names[f"{ENV_PREFIX}{field.name}".upper()] = field.name
    return names


def _from_env(env: Mapping[str, str]) -> dict[str, object]:
    found: dict[str, object] = {}
    known = env_names()
    for name, value in env.items():
        if not name.startswith(ENV_PREFIX):
            continue
        if name not in known:
            raise SettingsError(f"{name}: no such setting (known: {', '.join(sorted(known))})")
        key = known[name]
        items = [item.strip() for item in value.split(",") if item.strip()]
        if key in ENV_PAIRS:
            found[key] = [_pair(name, item, ENV_PAIRS[key]) for item in items]
        else:
            found[key] = items if _is_list(key) else value
    return found


def _pair(variable: str, item: str, fields: tuple[str, str]) -> dict[str, str]:
    first, sep, second = item.partition("=")
    if not sep:
        raise SettingsError(f"{variable}: each item is {fields[0]}={fields[1]}, got one without '='")
    return {fields[0]: first, fields[1]: second}


def _field_type(key: str) -> Any:
    struct: Any = Settings
    kind: Any = None
    for part in key.split("."):
        kind = {field.name: field.type for field in msgspec.structs.fields(struct)}[part]
        struct = kind
    return kind


def _is_list(key: str) -> bool:
    return typing.get_origin(_field_type(key)) in (list, tuple)


def _is_struct(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, msgspec.Struct)


def _set(layered: dict[str, Any], key: str, value: object) -> None:
    *sections, name = key.split(".")
    target = layered
    for section in sections:
        target = target.setdefault(section, {})
    target[name] = value


def from_environment() -> dict[str, str]:
    """The process's JUDGED_* variables (read once, by the entry point)."""
    return {name: value for name, value in os.environ.items() if name.startswith(ENV_PREFIX)}
