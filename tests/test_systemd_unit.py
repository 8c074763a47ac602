"""systemd/judged.service: what a host installing the unit would notice if it were wrong."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import NamedTuple

import pytest

from judged.cli import build_parser
from judged.settings import Settings

UNIT = Path(__file__).resolve().parents[1] / "systemd" / "judged.service"
TRUE = {"1", "yes", "y", "true", "t", "on"}
FALSE = {"0", "no", "n", "false", "f", "off"}
# A comment must sit at most this many lines above each option, with no blank line between.
COMMENT_REACH = 4

# Options that take away what nsjail needs (systemd/judged.service says why for each).
BREAKS_SANDBOX = (
    "RestrictNamespaces",
    "PrivateUsers",
    "ProtectControlGroups",
    "MemoryDenyWriteExecute",
    "PrivateNetwork",
    "ProtectHostname",
    "ProtectKernelTunables",
    "ProtectKernelLogs",
    "SystemCallFilter",
)


class Option(NamedTuple):
    section: str
    key: str
    value: str
    line: int


def parse_unit(text: str) -> list[Option]:
    """Every `Key=value` line with its section, in order (systemd allows a key more than once)."""
    options: list[Option] = []
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, sep, value = line.partition("=")
        assert sep, f"line {number} is neither a section, a comment nor Key=value: {raw!r}"
        assert "\\" not in raw, f"line {number}: no continuation lines, so that every option is one line"
        options.append(Option(section, key.strip(), value.strip(), number))
    return options


@pytest.fixture(scope="module")
def text() -> str:
    return UNIT.read_text()


@pytest.fixture(scope="module")
def options(text: str) -> list[Option]:
    return parse_unit(text)


def values(options: list[Option], section: str, key: str) -> list[str]:
    return [option.value for option in options if option.section == section and option.key == key]


def single(options: list[Option], section: str, key: str) -> str:
    found = values(options, section, key)
    assert len(found) == 1, f"[{section}] {key}= is set {len(found)} times: {found}"
    return found[0]


def test_the_sections_are_unit_service_install(options: list[Option]) -> None:
    assert {option.section for option in options} == {"Unit", "Service", "Install"}


def test_systemd_waits_for_judged_to_say_it_listens(options: list[Option]) -> None:
    assert single(options, "Service", "Type") == "notify"
    assert single(options, "Service", "NotifyAccess") == "main"


def test_exec_start_runs_judged_serve_with_the_installed_configuration(options: list[Option]) -> None:
    argv = shlex.split(single(options, "Service", "ExecStart"))
    assert argv[0] == "/opt/judged/.venv/bin/judged"
    args = build_parser().parse_args(argv[1:])  # the daemon's own parser accepts the line as written
    assert args.command == "serve"
    assert args.config == Path("/etc/judged/judged.toml")


def test_the_working_directory_is_the_checkout_holding_the_venv(options: list[Option]) -> None:
    checkout = single(options, "Service", "WorkingDirectory")
    executable = shlex.split(single(options, "Service", "ExecStart"))[0]
    assert executable.startswith(checkout + "/.venv/")


def test_failures_restart_and_a_stop_leaves_children_to_judged(options: list[Option]) -> None:
    assert single(options, "Service", "Restart") == "on-failure"
    assert single(options, "Service", "RestartSec")
    assert single(options, "Service", "KillMode") == "mixed"


def test_the_state_directory_is_judgeds_default_state_dir(options: list[Option]) -> None:
    assert single(options, "Service", "StateDirectory") == "judged"
    assert Settings().state_dir == "/var/lib/judged"


def test_the_unit_is_enabled_for_boot(options: list[Option]) -> None:
    assert single(options, "Install", "WantedBy") == "multi-user.target"


@pytest.mark.parametrize("key", BREAKS_SANDBOX)
def test_no_option_that_breaks_the_sandbox_is_set(options: list[Option], key: str) -> None:
    """Each may appear only switched off; RestrictNamespaces=~user or a filter list is as bad as yes."""
    for value in values(options, "Service", key):
        assert value.lower() in FALSE, f"{key}={value} takes away what nsjail needs (see the unit's comments)"


def test_home_folders_stay_readable(options: list[Option]) -> None:
    """The venv's interpreter may live under /root (pyenv); ProtectHome=yes would make it unreachable."""
    for value in values(options, "Service", "ProtectHome"):
        assert value.lower() not in TRUE | {"tmpfs"}


def commented(lines: list[str], index: int) -> bool:
    """Whether a comment sits at most a few lines above line `index` (0-based), no blank line between."""
    for above in reversed(lines[max(0, index - COMMENT_REACH) : index]):
        if not above.strip():
            return False
        if above.lstrip().startswith("#"):
            return True
    return False


def test_every_option_has_a_comment_just_above_it(text: str, options: list[Option]) -> None:
    lines = text.splitlines()
    for option in options:
        assert commented(lines, option.line - 1), (
            f"line {option.line} ({option.key}=) has no comment right above it (within {COMMENT_REACH} lines)"
        )
