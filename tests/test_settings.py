"""etc/judged.toml decodes into Settings; mistakes are errors with a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.settings import Settings, SettingsError, load_settings

PROJECT = Path(__file__).resolve().parents[1]


def test_the_shipped_file_documents_the_defaults() -> None:
    assert load_settings(PROJECT / "etc" / "judged.toml") == Settings()


def test_every_shipped_key_is_commented() -> None:
    lines = (PROJECT / "etc" / "judged.toml").read_text().splitlines()
    for number, line in enumerate(lines):
        if "=" not in line or line.startswith("#"):
            continue
        above = number - 1
        while above >= 0 and "=" in lines[above] and not lines[above].startswith("#"):
            above -= 1  # keys that share one comment (uid and gid)
        assert above >= 0, f"line {number + 1} has no comment: {line}"
        assert lines[above].startswith("#"), f"line {number + 1} has no comment: {line}"


def test_an_unknown_key_is_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "judged.toml"
    path.write_text('[sandbox]\nnsjial = "/usr/bin/nsjail"\n')
    with pytest.raises(SettingsError, match=r"nsjial.*\$\.sandbox"):
        load_settings(path)


def test_a_wrong_type_is_an_error_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "judged.toml"
    path.write_text('[sandbox]\nuid_base = "nobody"\n')
    with pytest.raises(SettingsError, match=r"\$\.sandbox\.uid_base"):
        load_settings(path)


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="No such file"):
        load_settings(tmp_path / "absent.toml")


SECRET = "3f9a1c0e7b5d42869a0c1e3b5d7f9a2c"


def test_frontends_come_from_the_file_or_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "judged.toml"
    path.write_text(f'[[server.frontends]]\nname = "site"\nsecret = "{SECRET}"\n')
    from_file = load_settings(path).server
    assert [(frontend.name, frontend.secret) for frontend in from_file.frontends] == [("site", SECRET)]
    assert from_file.authenticated
    from_env = load_settings(None, {"JUDGED_SERVER_FRONTENDS": f"site={SECRET},other={SECRET[::-1]}"}).server
    assert [frontend.name for frontend in from_env.frontends] == ["site", "other"]
    with pytest.raises(SettingsError, match="name=secret"):
        load_settings(None, {"JUDGED_SERVER_FRONTENDS": SECRET})


@pytest.mark.parametrize(
    ("secret", "why"),
    [("short-secret", r"length >= 32"), ("a" * 40, "random bytes")],
)
def test_a_weak_frontend_secret_is_refused_at_load(secret: str, why: str) -> None:
    with pytest.raises(SettingsError, match=why):
        load_settings(None, {"JUDGED_SERVER_FRONTENDS": f"site={secret}"})


def test_two_frontends_with_one_name_or_a_secret_that_is_a_token_are_refused() -> None:
    with pytest.raises(SettingsError, match="unique"):
        load_settings(None, {"JUDGED_SERVER_FRONTENDS": f"site={SECRET},site={SECRET[::-1]}"})
    with pytest.raises(SettingsError, match="bearer token"):
        load_settings(None, {"JUDGED_SERVER_FRONTENDS": f"site={SECRET}", "JUDGED_SERVER_TOKENS": SECRET})


def test_demo_mode_with_a_service_token_is_refused_off_loopback() -> None:
    env = {"JUDGED_WEB_DEMO": "on", "JUDGED_SERVER_TOKENS": "service"}
    with pytest.raises(SettingsError, match="loopback"):
        load_settings(None, {**env, "JUDGED_SERVER_LISTEN": "0.0.0.0:8080"})
    with pytest.raises(SettingsError, match="loopback"):
        load_settings(None, env, {"server.listen": "[2001:db8::1]:8080"})
    assert load_settings(None, {**env, "JUDGED_SERVER_LISTEN": "127.0.0.1:8080"}).web.demo == "on"
    assert load_settings(None, {"JUDGED_WEB_DEMO": "on", "JUDGED_SERVER_LISTEN": "0.0.0.0:8080"}).web.demo == "on"
