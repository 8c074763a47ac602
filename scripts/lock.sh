#!/usr/bin/env bash
# Upgrade the Python lock (requirements.lock) on purpose, show what changed, run the whole suite.
#
#   bash scripts/lock.sh                 every package to the newest version pyproject.toml allows
#   bash scripts/lock.sh redis mypy      only these packages (the rest stay as locked)
#   bash scripts/lock.sh --no-upgrade    re-resolve after editing pyproject.toml, upgrading nothing
#
# The lock is made by uv (pinned below, installed into a throwaway venv): every package of the
# `dev` extra and of scripts/lock-build.in with the sha256 of every file PyPI serves for it, for
# every platform (--universal). scripts/setup.sh installs exactly that with pip --require-hashes.
# A fresh install never picks a newer version by itself: a new version arrives only through here,
# in a commit that shows the diff and a green suite.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.8
tool=$(mktemp -d /tmp/judged-lock-XXXXXX)
trap 'rm -rf "$tool"' EXIT
python3 -m venv "$tool/venv"
"$tool/venv/bin/pip" install -q "uv==$UV_VERSION"

args=()
case ${1:-} in
  --no-upgrade) ;;
  "") args=(--upgrade) ;;
  *) for p in "$@"; do args+=(--upgrade-package "$p"); done ;;
esac
cp requirements.lock "$tool/before.lock"
"$tool/venv/bin/uv" pip compile pyproject.toml scripts/lock-build.in --extra dev \
  --generate-hashes --universal --python-version 3.11 --quiet \
  "${args[@]}" -o requirements.lock

echo "== what changed in requirements.lock"
diff <(grep -E '^[A-Za-z0-9]' "$tool/before.lock" | cut -d' ' -f1) \
     <(grep -E '^[A-Za-z0-9]' requirements.lock | cut -d' ' -f1) && echo "(nothing)"

echo "== the whole suite with the new lock"
exec bash scripts/setup.sh test
