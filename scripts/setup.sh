#!/usr/bin/env bash
# Set up judged on a Debian 12 machine (as root) and then run it or test it.
#
#   bash scripts/setup.sh run    install what is missing, check the host, start judged serve
#   bash scripts/setup.sh test   install what is missing, run lint, types and every test
#
# Idempotent: a second run installs nothing and starts at once.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
case $mode in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 64 ;; esac

if [[ $(id -u) -ne 0 ]]; then
  echo "judged needs root (it creates namespaces and cgroups): run this as root" >&2
  exit 1
fi

# --- Debian packages --------------------------------------------------------
# gcc + libc6-dev: the sandbox helper is a small static C binary built at start.
# python3-venv: the virtual environment everything Python lives in.
# The toolchains of the languages, at the paths languages/*.toml name.
need=()
command -v gcc >/dev/null || need+=(gcc)
[[ -f /usr/lib/x86_64-linux-gnu/libc.a || -f /usr/lib/aarch64-linux-gnu/libc.a ]] || need+=(libc6-dev)
[[ -x /usr/bin/python3 ]] || need+=(python3)
python3 -c 'import ensurepip, venv' 2>/dev/null || need+=(python3-venv)
[[ -x /usr/bin/g++ ]] || need+=(g++)
[[ -x /usr/bin/javac ]] || need+=(openjdk-17-jdk-headless)
[[ -x /usr/bin/node ]] || need+=(nodejs)
[[ -x /usr/bin/go ]] || need+=(golang-go)
[[ -x /usr/bin/rustc ]] || need+=(rustc)
# The languages added after the first seven (TypeScript comes from npm: scripts/leetcode_libraries.sh).
# Kotlin and Scala run their compilers on the JDK above; the compilers themselves come from npm and PyPI
# (scripts/leetcode_libraries.sh), since Debian's kotlin 1.3 and scala 2.11 are years behind LeetCode's.
[[ -x /usr/bin/java ]] || need+=(openjdk-17-jdk-headless)
[[ -x /usr/bin/ruby ]] || need+=(ruby)
[[ -x /usr/bin/php ]] || need+=(php-cli)
[[ -x /usr/bin/racket ]] || need+=(racket)
[[ -x /usr/bin/mcs ]] || need+=(mono-mcs)
[[ -x /usr/bin/mono ]] || need+=(mono-runtime)
[[ -x /usr/bin/erl ]] || need+=(erlang-nox)
[[ -x /usr/bin/elixir ]] || need+=(elixir)
# PHP's extensions of LeetCode's environment (languages/php.toml loads them).
compgen -G '/usr/lib/php/*/mbstring.so' >/dev/null || need+=(php-mbstring)
compgen -G '/usr/lib/php/*/bcmath.so' >/dev/null || need+=(php-bcmath)
# LeetCode's environment libraries that Debian packages (docs/languages.md): C's uthash, Go's gods, and the
# sources of Rust's rand, which scripts/leetcode_libraries.sh builds into rlibs.
[[ -f /usr/include/uthash.h ]] || need+=(uthash-dev)
[[ -d /usr/share/gocode/src/github.com/emirpasic/gods ]] || need+=(golang-github-emirpasic-gods-dev)
[[ -d /usr/share/cargo/registry/rand-0.8.5 ]] || need+=(librust-rand-dev)
# The embedded default: judged supervises a private redis-server; tests start their own, and the
# Sentinel tests run it as a sentinel too (`redis-server --sentinel`: what Debian's redis-sentinel runs).
[[ -x /usr/bin/redis-server ]] || need+=(redis-server)
# The web client (web/, served at /) is built with npm; its end-to-end tests drive Debian's Chromium.
command -v npm >/dev/null || need+=(npm)
if [[ $mode == test && ! -x /usr/bin/chromium ]]; then need+=(chromium); fi
# Test mode: tests/test_nginx_conf.py runs its own nginx (own prefix and port) in front of judged.
[[ $mode != test || -x /usr/sbin/nginx ]] || need+=(nginx)
# Test mode: the submissions database's tests start a private PostgreSQL cluster (initdb + pg_ctl, as the
# package's `postgres` user); the package's own "main" cluster is not wanted, so none is created.
if [[ $mode == test ]] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  mkdir -p /etc/postgresql-common
  [[ -f /etc/postgresql-common/createcluster.conf ]] || echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf
  need+=(postgresql)
fi
if ((${#need[@]})); then
  echo "== installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# --- Python environment -----------------------------------------------------
# Exactly the versions in requirements.lock, each file checked against its sha256 (pip
# --require-hashes); judged itself is installed editable with no dependency resolution of its own.
# Wheels are kept in a cache folder, so a second machine set-up, or this one offline, installs from
# it without the network (pip --no-index first; only a cache miss downloads). Upgrading the lock is
# scripts/lock.sh's job, never an install's.
if [[ ! -x .venv/bin/python ]]; then
  echo "== creating .venv"
  python3 -m venv .venv
fi
stamp=.venv/.judged-installed
want=$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "== installing the locked Python packages into .venv"
  wheels=${JUDGED_WHEEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/judged/wheels}
  mkdir -p "$wheels"
  pip=(.venv/bin/python -m pip --disable-pip-version-check)
  if ! "${pip[@]}" install -q --no-index --find-links "$wheels" --require-hashes -r requirements.lock 2>/dev/null; then
    "${pip[@]}" download -q --require-hashes -r requirements.lock -d "$wheels"
    "${pip[@]}" install -q --no-index --find-links "$wheels" --require-hashes -r requirements.lock
  fi
  "${pip[@]}" install -q --no-index --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi

# --- LeetCode's libraries ------------------------------------------------------
# Python's sortedcontainers (PyPI, hash-pinned), the JavaScript libraries and the TypeScript compiler (npm
# ci of a lock file), Rust's rand (built from Debian's sources), into /opt/judged/leetcode, which the
# languages' TOMLs mount read-only. Each part is redone only when its pinned list changed.
bash scripts/leetcode_libraries.sh

# --- the web client -----------------------------------------------------------
# web/dist, which judged serves at /: built from web/package-lock.json (npm ci), again only when
# web/ changed since the last build. Without it judged still runs and says how to build it.
web_want=$( (cat web/package-lock.json web/package.json web/index.html web/vite.config.ts web/tsconfig.json
  find web/src -type f | sort | xargs cat) | sha256sum | cut -d' ' -f1)
if [[ ! -f web/dist/.judged-built || $(cat web/dist/.judged-built) != "$web_want" ]]; then
  echo "== building the web client into web/dist (npm ci, npm run build)"
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build)
  echo "$web_want" > web/dist/.judged-built
fi

# --- run or test -------------------------------------------------------------
if [[ $mode == run ]]; then
  .venv/bin/judged --config etc/judged.toml doctor
  echo "== judged serve: the bundled problems, an embedded Redis in the state folder (Ctrl-C stops it)"
  exec .venv/bin/judged --config etc/judged.toml serve "${@:2}"
fi

echo "== ruff format --check"
.venv/bin/ruff format --check .
echo "== ruff check"
.venv/bin/ruff check .
echo "== mypy --strict"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest --durations=25 "${@:2}"  # the slowest tests listed: where CI time goes
echo "== judged problems check problems/"
state=$(mktemp -d /tmp/judged-check-XXXXXX)
chmod 711 "$state"
trap 'rm -rf "$state"' EXIT
printf 'state_dir = "%s"\nlog_level = "warning"\n' "$state" > "$state/judged.toml"
.venv/bin/judged --config "$state/judged.toml" problems check problems/
