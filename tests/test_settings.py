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
