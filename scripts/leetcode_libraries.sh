#!/usr/bin/env bash
# LeetCode's environment libraries, from the package registries into /opt/judged/leetcode/<language>, which
# each language's TOML mounts read-only into its jail (docs/languages.md, "LeetCode's libraries").
#
#   bash scripts/leetcode_libraries.sh        (as root; scripts/setup.sh runs it in both modes)
#
# Python: the hash-pinned wheels of scripts/leetcode/python-requirements.txt (the .venv's pip, PyPI).
# JavaScript and TypeScript: scripts/leetcode/javascript/package-lock.json (npm ci, the npm registry).
# Go's gods, Rust's rand and C's uthash are Debian packages (setup.sh installs them); Rust's crates are
# built here into rlibs with Debian's rustc, the one that compiles submissions.
# Idempotent: each part is redone only when its pinned list changed (a stamp file beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=${JUDGED_LEETCODE_ROOT:-/opt/judged/leetcode}
mkdir -p "$root"

fresh() {  # fresh <folder> <files...>: whether <folder> was built from these very files
  local want
  want=$(cat "${@:2}" | sha256sum | cut -d' ' -f1)
  [[ -f $1/.judged-stamp && $(cat "$1/.judged-stamp") == "$want" ]]
}
stamp() {
  cat "${@:2}" | sha256sum | cut -d' ' -f1 > "$1/.judged-stamp"
}

python_list=scripts/leetcode/python-requirements.txt
if ! fresh "$root/python" "$python_list"; then
  echo "== LeetCode's Python libraries into $root/python"
  rm -rf "$root/python.new"
  .venv/bin/python -m pip --disable-pip-version-check install -q --no-deps --require-hashes --no-compile \
    --target "$root/python.new" -r "$python_list"
  rm -rf "$root/python" && mv "$root/python.new" "$root/python"
  stamp "$root/python" "$python_list"
fi

js=scripts/leetcode/javascript
if ! fresh "$root/javascript" "$js/package.json" "$js/package-lock.json"; then
  echo "== LeetCode's JavaScript libraries and the TypeScript compiler into $root/javascript"
  rm -rf "$root/javascript.new" && mkdir -p "$root/javascript.new"
  cp "$js/package.json" "$js/package-lock.json" "$root/javascript.new/"
  (cd "$root/javascript.new" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
  rm -rf "$root/javascript" && mv "$root/javascript.new" "$root/javascript"
  stamp "$root/javascript" "$js/package.json" "$js/package-lock.json"
fi

# Kotlin: JetBrains' compiler distribution as npm's `kotlin-compiler` ships it (scripts/leetcode/kotlin), run by
# Debian's JDK 17. judged's Kotlin harness runtime is compiled here once into judged-harness.jar (a submission
# compiles only its own file against it), with its source's SHA-256 inside (lang_kotlin.py passes the one it
# expects: a stale jar refuses to run). kotlinc.jsa is a CDS archive of the classes the compiler loads (made by
# compiling a sample), which languages/kotlin.toml maps in to start the compiler faster. Both record the jars'
# paths, so they are made after the folder has its final name.
kt=scripts/leetcode/kotlin
kt_runtime=judged/harness/runtime/kotlin_harness.kt
kt_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss16m -Xmx1024m)
if ! fresh "$root/kotlin" "$kt/package.json" "$kt/package-lock.json" "$kt/cds_sample.kt" "$kt_runtime"; then
  echo "== The Kotlin compiler and judged's Kotlin harness runtime into $root/kotlin"
  rm -rf "$root/kotlin.new" && mkdir -p "$root/kotlin.new"
  cp "$kt/package.json" "$kt/package-lock.json" "$root/kotlin.new/"
  (cd "$root/kotlin.new" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
  rm -rf "$root/kotlin" && mv "$root/kotlin.new" "$root/kotlin"
  lib=$root/kotlin/node_modules/kotlin-compiler/lib
  kotlinc=(/usr/bin/java "${kt_flags[@]}" -cp "$lib/kotlin-compiler.jar:$lib/kotlin-stdlib.jar"
    org.jetbrains.kotlin.cli.jvm.K2JVMCompiler -nowarn -jvm-target 17 -no-reflect -no-stdlib)
  work=$(mktemp -d)
  printf 'package judged\ninternal const val SOURCE_SHA = "%s"\n' "$(sha256sum "$kt_runtime" | cut -d' ' -f1)" \
    > "$work/Version.kt"
  "${kotlinc[@]}" -cp "$lib/kotlin-stdlib.jar" -d "$root/kotlin/judged-harness.jar" "$kt_runtime" "$work/Version.kt"
  /usr/bin/java -XX:ArchiveClassesAtExit="$root/kotlin/kotlinc.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    "${kotlinc[@]:1}" -cp "$lib/kotlin-stdlib.jar:$root/kotlin/judged-harness.jar" -d "$work" "$kt/cds_sample.kt"
  rm -rf "$work"
  stamp "$root/kotlin" "$kt/package.json" "$kt/package-lock.json" "$kt/cds_sample.kt" "$kt_runtime"
fi

# Scala: Scala 2.13's compiler, library and reflection jars, taken from Apache Spark's hash-pinned PyPI source
# distribution (scripts/leetcode/scala-requirements.txt; the newest Scala the registries this project uses have),
# run by Debian's JDK 17; judged's Scala harness runtime compiled into judged-harness.jar and a CDS archive of
# the compiler (scalac.jsa), as for Kotlin above.
sc_list=scripts/leetcode/scala-requirements.txt
sc_runtime=judged/harness/runtime/scala_harness.scala
sc_jars=(scala-compiler-2.13.18.jar scala-library-2.13.18.jar scala-reflect-2.13.18.jar)
sc_stamped=("$sc_list" scripts/leetcode/scala/cds_sample.scala scripts/leetcode/scala/run_warmup.scala "$sc_runtime")
if ! fresh "$root/scala" "${sc_stamped[@]}"; then
  echo "== The Scala compiler and judged's Scala harness runtime into $root/scala"
  work=$(mktemp -d)
  .venv/bin/python -m pip --disable-pip-version-check download -q --no-deps --no-binary :all: --no-build-isolation \
    --require-hashes -d "$work" -r "$sc_list"
  rm -rf "$root/scala.new" && mkdir -p "$root/scala.new/lib"
  tar -xzf "$work"/pyspark-*.tar.gz --no-same-owner -C "$root/scala.new/lib" --strip-components=3 \
    "${sc_jars[@]/#/pyspark-4.3.0/deps/jars/}"
  rm -rf "$root/scala" && mv "$root/scala.new" "$root/scala"
  lib=$root/scala/lib
  scalac=(/usr/bin/java "${kt_flags[@]}" -cp "$lib/${sc_jars[0]}:$lib/${sc_jars[1]}:$lib/${sc_jars[2]}"
    scala.tools.nsc.Main -nowarn -release 17)
  printf 'package judged\nobject Version { final val SourceSha = "%s" }\n' \
    "$(sha256sum "$sc_runtime" | cut -d' ' -f1)" > "$work/Version.scala"
  "${scalac[@]}" -classpath "$lib/${sc_jars[1]}" -d "$root/scala/judged-harness.jar" "$sc_runtime" "$work/Version.scala" \
    scripts/leetcode/scala/run_warmup.scala
  mkdir "$work/out"
  /usr/bin/java -XX:ArchiveClassesAtExit="$root/scala/scalac.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    "${scalac[@]:1}" -Xsource:3 -classpath "$lib/${sc_jars[1]}:$root/scala/judged-harness.jar" -d "$work/out" \
    scripts/leetcode/scala/cds_sample.scala
  # The run's archive: Scala's collections and the harness, as a function problem's run loads them (run.jsa).
  echo '[[3,1,2],["ab","c"],[[1,2],[3]],9000000000,2.5]' | /usr/bin/java -XX:ArchiveClassesAtExit="$root/scala/run.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UseSerialGC -cp "$lib/${sc_jars[1]}:$root/scala/judged-harness.jar" \
    judged.warmup.Main 3>/dev/null
  rm -rf "$work"
  stamp "$root/scala" "${sc_stamped[@]}"
fi

# Rust: the rand crate (LeetCode's Rust environment) and what it needs, from Debian's librust-*-dev sources
# (/usr/share/cargo/registry; crates.io is not a registry this project reaches), built by Debian's rustc into
# rlibs that languages/rust.toml passes with --extern.
crates=/usr/share/cargo/registry
rust_plan=(  # crate folder, crate name, features
  "cfg-if-1.0.0 cfg_if"
  "libc-0.2.139 libc std"
  "getrandom-0.2.8 getrandom std"
  "rand_core-0.6.3 rand_core std,alloc,getrandom"
  "ppv-lite86-0.2.16 ppv_lite86 std,simd"
  "rand_chacha-0.3.1 rand_chacha std"
  "rand-0.8.5 rand std,std_rng,alloc,getrandom,libc,rand_chacha,small_rng"
)
rust_want=$(printf '%s\n' "${rust_plan[@]}" "$(/usr/bin/rustc --version 2>/dev/null)")
if [[ -d $crates/rand-0.8.5 && ( ! -f $root/rust/.judged-stamp || $(cat "$root/rust/.judged-stamp") != "$rust_want" ) ]]; then
  echo "== LeetCode's Rust crates (rand) into $root/rust"
  out=$root/rust.new
  rm -rf "$out" && mkdir -p "$out"
  for entry in "${rust_plan[@]}"; do
    read -r folder name features <<<"$entry"
    src=$crates/$folder
    edition=$(sed -n 's/^edition = "\(.*\)"/\1/p' "$src/Cargo.toml" | head -1)
    args=(--edition="${edition:-2015}" --crate-type=rlib --crate-name="$name" -O --cap-lints=allow -L "dependency=$out")
    for feature in ${features//,/ }; do args+=(--cfg "feature=\"$feature\""); done
    for dep in "$out"/lib*.rlib; do
      [[ -e $dep ]] && { dep_name=$(basename "$dep" .rlib); args+=(--extern "${dep_name#lib}=$dep"); }
    done
    if [[ -f $src/build.rs ]]; then  # a build script says which cfgs the crate wants (libc's, by rustc's version)
      /usr/bin/rustc --edition=2018 -O --cap-lints=allow -o "$out/build-$name" "$src/build.rs"
      while read -r cfg; do args+=(--cfg "$cfg"); done < <(cd "$src" && RUSTC=/usr/bin/rustc OUT_DIR="$out" \
        TARGET=x86_64-unknown-linux-gnu CARGO_CFG_TARGET_OS=linux "$out/build-$name" | sed -n 's/^cargo:rustc-cfg=//p')
      rm -f "$out/build-$name"
    fi
    /usr/bin/rustc "${args[@]}" -o "$out/lib$name.rlib" "$src/src/lib.rs"
  done
  rm -rf "$root/rust" && mv "$out" "$root/rust"
  printf '%s' "$rust_want" > "$root/rust/.judged-stamp"
fi

chmod -R a+rX,go-w "$root"
