#!/usr/bin/env bash
# Tests of scripts/lib/system.sh and postgres.sh, run by ./scripts/portal test
# (or alone: bash scripts/lib/system.test.sh). apt-get, id and sudo are fakes
# put first on PATH, so the install branch runs without touching the machine;
# the throwaway PostgreSQL is real, started with a minimal PATH.
set -uo pipefail

LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
T="$(mktemp -d /tmp/region-expansion-system-test.XXXXXX)"
trap 'rm -rf "$T"' EXIT
FAILED=0

mkdir -p "$T/bin"
# A fake apt-get: records each call (and the PATH it got); an install
# "installs" chromium at CHROMIUM_PATH and postgresql as a marker file.
cat >"$T/bin/apt-get" <<'FAKE'
#!/bin/sh
echo "apt-get $* | PATH=$PATH" >>"$FAKE_LOG"
case "$*" in
  *install*)
    case " $* " in *" chromium "*) printf '#!/bin/sh\n' >"$CHROMIUM_PATH" && chmod +x "$CHROMIUM_PATH" ;; esac
    case " $* " in *" postgresql "*) : >"$FAKE_PG_MARKER" ;; esac
    ;;
esac
FAKE
# A fake id: the uid of FAKE_UID when set, else the real answer.
cat >"$T/bin/id" <<'FAKE'
#!/bin/sh
if [ "$1" = "-u" ] && [ -n "${FAKE_UID:-}" ]; then echo "$FAKE_UID"; exit 0; fi
exec /usr/bin/id "$@"
FAKE
# A fake sudo: passwordless when FAKE_SUDO=yes, else refuses.
cat >"$T/bin/sudo" <<'FAKE'
#!/bin/sh
[ "${FAKE_SUDO:-}" = "yes" ] || exit 1
[ "$1" = "-n" ] && shift
echo "sudo $*" >>"$FAKE_LOG.sudo"
exec "$@"
FAKE
chmod +x "$T/bin/"*

# Runs ensure_test_packages in a fresh shell with the fakes first on a
# minimal PATH; prints its output, returns its status.
run_ensure() {
  env -i HOME="$HOME" PATH="$T/bin:/usr/bin:/bin" \
    FAKE_LOG="$T/apt.log" FAKE_PG_MARKER="$T/pg-installed" \
    ${FAKE_UID:+FAKE_UID="$FAKE_UID"} ${FAKE_SUDO:+FAKE_SUDO="$FAKE_SUDO"} \
    ${CHROMIUM_PATH:+CHROMIUM_PATH="$CHROMIUM_PATH"} \
    ${PG_MISSING:+PG_MISSING="$PG_MISSING"} \
    LIB_DIR="$LIB_DIR" bash -c '
      set -euo pipefail
      source "$LIB_DIR/toolchain.sh"
      source "$LIB_DIR/postgres.sh"
      source "$LIB_DIR/system.sh"
      # The server binaries are there, or (PG_MISSING) not until the fake
      # apt-get installs postgresql, whatever this machine has.
      pg_bin() {
        if [ -n "${PG_MISSING:-}" ] && [ ! -e "$FAKE_PG_MARKER" ]; then return 1; fi
        echo "/fake/$1"
      }
      ensure_test_packages "$@"
    ' ensure "$@" 2>&1
}

reset() {
  rm -f "$T/apt.log" "$T/apt.log.sudo" "$T/pg-installed" "$T/chromium"
  unset FAKE_UID FAKE_SUDO PG_MISSING
  CHROMIUM_PATH="$T/chromium"
}

check() {
  local name="$1" condition="$2"
  if eval "$condition"; then
    echo "ok - $name"
  else
    echo "not ok - $name"
    echo "  failed: $condition"
    echo "  output: ${OUT:-}"
    [ -f "$T/apt.log" ] && sed 's/^/  apt.log: /' "$T/apt.log"
    FAILED=1
  fi
}

calls() { grep -c "$1" "$T/apt.log" 2>/dev/null || true; }

# --- ensure_test_packages ------------------------------------------------------

reset
printf '#!/bin/sh\n' >"$T/chromium" && chmod +x "$T/chromium"
OUT="$(run_ensure chromium postgresql)"
STATUS=$?
check "installs nothing when Chromium and the PostgreSQL server are there" \
  '[ "$STATUS" = 0 ] && [ ! -f "$T/apt.log" ] && [ -z "$OUT" ]'

reset
OUT="$(FAKE_UID=0 run_ensure chromium postgresql)"
STATUS=$?
check "as root, installs a missing Chromium with one apt-get update and one install, and says so" \
  '[ "$STATUS" = 0 ] && [ "$(calls "apt-get update")" = 1 ] && [ "$(calls "apt-get install -y -qq chromium |")" = 1 ] && [ -x "$T/chromium" ] && [[ "$OUT" == *"==> installing chromium with apt-get"* ]]'
check "gives apt-get the sbin directories dpkg needs, though the caller's PATH is minimal" \
  'grep -q "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" "$T/apt.log"'

reset
OUT="$(FAKE_UID=0 PG_MISSING=1 run_ensure chromium postgresql)"
STATUS=$?
check "as root, installs Chromium and the PostgreSQL server together: one update, one install" \
  '[ "$STATUS" = 0 ] && [ "$(calls "apt-get update")" = 1 ] && [ "$(calls "apt-get install -y -qq chromium postgresql |")" = 1 ] && [ "$(calls "apt-get install")" = 1 ]'

reset
OUT="$(FAKE_UID=1000 PG_MISSING=1 run_ensure chromium postgresql)"
STATUS=$?
check "without root or sudo, installs nothing and prints the fix in one line" \
  '[ "$STATUS" != 0 ] && [ ! -f "$T/apt.log" ] && [ "$(printf "%s\n" "$OUT" | wc -l)" = 1 ] && [[ "$OUT" == "error: missing for the tests: Chromium (at $T/chromium), the PostgreSQL server (initdb, pg_ctl): run '"'"'sudo apt-get install -y chromium postgresql'"'"'"* ]]'

reset
OUT="$(FAKE_UID=1000 FAKE_SUDO=yes run_ensure chromium)"
STATUS=$?
check "with passwordless sudo, installs through sudo" \
  '[ "$STATUS" = 0 ] && [ "$(calls "apt-get install -y -qq chromium |")" = 1 ] && grep -q "env DEBIAN_FRONTEND=noninteractive" "$T/apt.log.sudo" && [[ "$OUT" == *"running as sudo root"* ]]'

reset
OUT="$(FAKE_UID=0 PG_MISSING=1 run_ensure chromium)"
STATUS=$?
check "installs only what was asked for (e2e needs no PostgreSQL)" \
  '[ "$STATUS" = 0 ] && [ "$(calls "apt-get install -y -qq chromium |")" = 1 ] && [ "$(calls postgresql)" = 0 ]'

# --- installation proof (installProof.sh, install-proof.d/apply-guide.mjs) -----

# A fake repo: two publishable packages, one private, and the demo portal's
# app and backend (never published).
mkdir -p "$T/repo/plugins/a" "$T/repo/plugins/b" "$T/repo/packages/cli" "$T/repo/packages/app" "$T/repo/packages/backend"
echo '{"name":"a"}' >"$T/repo/plugins/a/package.json"
echo '{"name":"b","private":true}' >"$T/repo/plugins/b/package.json"
echo '{"name":"cli"}' >"$T/repo/packages/cli/package.json"
echo '{"name":"app","private":true}' >"$T/repo/packages/app/package.json"
echo '{"name":"backend","private":true}' >"$T/repo/packages/backend/package.json"
OUT="$(bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"; publishable_package_dirs "$1"' "$LIB_DIR" "$T/repo" 2>&1)"
STATUS=$?
check "install proof: a private package fails the proof, named with the field and the reason" \
  '[ "$STATUS" != 0 ] && [[ "$OUT" == *"error: plugins/b/package.json: private: true"* ]]'
check "install proof: publishes plugins/* and packages/* but the demo portal's app and backend" \
  '[[ "$OUT" == *"plugins/a"* ]] && [[ "$OUT" == *"packages/cli"* ]] && [[ "$OUT" != *"packages/app"* ]] && [[ "$OUT" != *"packages/backend"* ]]'

OUT="$(bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"; write_verdaccio_config "$1/v.yaml" "$1/store" 4999 https://registry.example/ && cat "$1/v.yaml"' "$LIB_DIR" "$T" 2>&1)"
check "install proof: the registry listens on loopback, keeps the scope local and proxies the rest" \
  '[[ "$OUT" == *"listen: 127.0.0.1:4999"* ]] && [[ "$(printf "%s\n" "$OUT" | sed -n "/region-expansion/,/^  .\*\*/p")" != *proxy* ]] && [[ "$OUT" == *"url: https://registry.example/"* ]] && [[ "$OUT" == *"proxy: npmjs"* ]]'

# Publishing: a fake npm records each publish and refuses tarballs named bad-*.
mkdir -p "$T/tarballs" "$T/npm-bin"
for name in a-0.1.0 b-0.1.0 c-0.1.0 bad-0.1.0; do : >"$T/tarballs/$name.tgz"; done
cat >"$T/npm-bin/npm" <<'FAKE'
#!/bin/sh
echo "npm $*" >>"$NPM_LOG"
case "$2" in */bad-*) echo "E403 forbidden: cannot publish over an existing version" >&2; exit 1 ;; esac
FAKE
chmod +x "$T/npm-bin/npm"
OUT="$(PATH="$T/npm-bin:$PATH" NPM_LOG="$T/npm.log" bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"; publish_tarballs "$1/tarballs" http://127.0.0.1:4999 "$1/npmrc" "$1/publish-logs" 3' "$LIB_DIR" "$T" 2>&1)"
STATUS=$?
check "install proof: publishes every tarball to the registry, and a refused one fails the proof with its name and npm's error" \
  '[ "$STATUS" != 0 ] && [ "$(grep -c "^npm publish .*--registry http://127.0.0.1:4999/" "$T/npm.log")" = 4 ] && [[ "$OUT" == *"bad-0.1.0.tgz: E403 forbidden"* ]] && [[ "$OUT" != *"a-0.1.0.tgz:"* ]]'
rm "$T/tarballs/bad-0.1.0.tgz" "$T/npm.log"
OUT="$(PATH="$T/npm-bin:$PATH" NPM_LOG="$T/npm.log" bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"; publish_tarballs "$1/tarballs" http://127.0.0.1:4999 "$1/npmrc" "$1/publish-logs-2" 3' "$LIB_DIR" "$T" 2>&1)"
STATUS=$?
check "install proof: prints how many tarballs it published when all were" \
  '[ "$STATUS" = 0 ] && [ "$OUT" = 3 ] && [ "$(wc -l <"$T/npm.log")" = 3 ]'

# The guide: shell, ts and yaml blocks as a platform team reads them.
mkdir -p "$T/guide-app/packages/backend/src" "$T/guide-bin"
printf '%s\n' "import { createBackend } from '@backstage/backend-defaults';" 'const backend = createBackend();' "backend.add(import('@backstage/plugin-app-backend'));" 'backend.start();' >"$T/guide-app/packages/backend/src/index.ts"
printf 'catalog:\n  locations:\n    - type: file\n      target: ../../examples/entities.yaml\n' >"$T/guide-app/app-config.yaml"
printf '#!/bin/sh\necho "yarn $*" >>"$YARN_LOG"\n' >"$T/guide-bin/yarn" && chmod +x "$T/guide-bin/yarn"
cat >"$T/guide.md" <<'GUIDE'
Install the backend plugin:

```sh
# from your Backstage root directory
yarn --cwd packages/backend add @region-expansion/plugin-region-expansion-backend
yarn start
```

```ts title="packages/backend/src/index.ts"
backend.add(
  import('@region-expansion/plugin-region-expansion-backend'),
);
```

```yaml
# app-config.yaml
catalog:
  locations:
    - type: file
      target: ./template.yaml
```

```yaml
# app-config.production.yaml
regionExpansion: {}
```
GUIDE
OUT="$(PATH="$T/guide-bin:$PATH" YARN_LOG="$T/yarn.log" node "$LIB_DIR/../install-proof.d/apply-guide.mjs" "$T/guide.md" "$T/guide-app" 2>&1)"
STATUS=$?
check "install proof: runs the guide's yarn add lines, and no other command" \
  '[ "$STATUS" = 0 ] && [ "$(cat "$T/yarn.log")" = "yarn --cwd packages/backend add @region-expansion/plugin-region-expansion-backend" ]'
check "install proof: adds the guide's backend.add lines before backend.start()" \
  '[ "$(grep -n "plugin-region-expansion-backend" "$T/guide-app/packages/backend/src/index.ts" | cut -d: -f1)" -lt "$(grep -n "backend.start" "$T/guide-app/packages/backend/src/index.ts" | cut -d: -f1)" ]'
check "install proof: merges only the app-config.yaml snippets, appending to lists" \
  'grep -q "entities.yaml" "$T/guide-app/app-config.yaml" && grep -q "./template.yaml" "$T/guide-app/app-config.yaml" && ! grep -q regionExpansion "$T/guide-app/app-config.yaml"'
printf '```sh\nyarn --cwd packages/app add x\n```\n' >"$T/no-backend.md"
OUT="$(PATH="$T/guide-bin:$PATH" YARN_LOG="$T/yarn.log" node "$LIB_DIR/../install-proof.d/apply-guide.mjs" "$T/no-backend.md" "$T/guide-app" 2>&1)"
STATUS=$?
check "install proof: a guide without backend.add lines fails, saying so" \
  '[ "$STATUS" != 0 ] && [[ "$OUT" == *"no \`backend.add(import(...))\` line"* ]]'

# --- steps side by side (steps.sh) ----------------------------------------------

# Runs a bash snippet with steps.sh sourced; prints its output.
run_steps() {
  TMPDIR="$T" bash -c 'set -uo pipefail; source "$0/steps.sh"; eval "$1"' "$LIB_DIR" "$1" 2>&1
}

STARTED="$(date +%s)"
OUT="$(run_steps '
  start_step slow bash -c "sleep 8; echo slow-out"
  start_step quick bash -c "sleep 3; echo quick-out"
  finish_step slow && finish_step quick && step_report')"
STATUS=$?
ELAPSED=$(($(date +%s) - STARTED))
# Whole seconds, with room for a loaded machine: 8 s side by side, one
# after the other 11 or more.
check "steps: two started steps run side by side, each with its own seconds, not the wait for the other" \
  '[ "$STATUS" = 0 ] && [ "$ELAPSED" -lt 11 ] && [[ "$OUT" == *"slow-out"* ]] && [[ "$OUT" == *"quick-out"* ]] && printf "%s\n" "$OUT" | grep -Eq "^ +[345]  quick  \(beside\)$" && printf "%s\n" "$OUT" | grep -Eq "^ +([89]|10)  slow  \(beside\)$"'

OUT="$(run_steps '
  start_step broken bash -c "echo half-done; exit 3"
  start_step fine bash -c "sleep 1; echo fine-out"
  failed=0
  finish_step broken || failed=1
  finish_step fine || failed=1
  step_report
  exit "$failed"')"
STATUS=$?
check "steps: a failing step beside another fails the run with its name and exit status; the other still reports" \
  '[ "$STATUS" != 0 ] && [[ "$OUT" == *"half-done"* ]] && [[ "$OUT" == *"error: '"'"'broken'"'"' failed"* ]] && [[ "$OUT" == *"broken  FAILED (exit 3)"* ]] && [[ "$OUT" == *"fine-out"* ]] && [[ "$OUT" == *"fine  (beside)"* ]]'

OUT="$(T="$T" run_steps '
  start_step waits bash -c "echo \$\$ >\"$T/waits.pid\"; exec sleep 30"
  sleep 1
  stop_started_steps
  sleep 1
  kill -0 "$(cat "$T/waits.pid")" 2>/dev/null && echo still-running || echo stopped')"
check "steps: stop_started_steps ends the command a started step runs, not only its shell" \
  '[[ "$OUT" == *stopped* ]]'

mkdir -p "$T/sync"
OUT="$(bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"
  (sleep 1; : >"$1/sync/unit-tests-done") &
  INSTALL_PROOF_SYNC_DIR="$1/sync" sync_wait unit-tests-done 10 && echo waited
  INSTALL_PROOF_SYNC_DIR="$1/sync" sync_wait never 1 || echo timed-out
  sync_wait never 1 && echo alone' "$LIB_DIR" "$T" 2>&1)"
check "install proof: beside the unit tests it waits through files, fails naming a file that never came, and waits for nothing alone" \
  '[[ "$OUT" == *waited* ]] && [[ "$OUT" == *"sync/never did not appear within 1 s"* ]] && [[ "$OUT" == *timed-out* ]] && [[ "$OUT" == *alone* ]]'

mkdir -p "$T/app/node_modules/x" && : >"$T/app/node_modules/x/index.js"
OUT="$(bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"
  remove_in_background "$1/app" && [ ! -e "$1/app" ] && echo "renamed at once"
  for _ in $(seq 1 20); do ls -d "$1"/app.removing.* >/dev/null 2>&1 || { echo removed; break; }; sleep 0.5; done' "$LIB_DIR" "$T" 2>&1)"
check "install proof: the app's folder is gone from its path at once and deleted in the background" \
  '[[ "$OUT" == *"renamed at once"* ]] && [[ "$OUT" == *removed* ]]'

# A fake workspace: two workspaces under packages/*, one under plugins/*, a
# node_modules in each and at the root.
R="$T/pack-root"
mkdir -p "$R/.yarn" "$R/node_modules/x" "$R/packages/a/dist" "$R/packages/a/node_modules/y" "$R/packages/b" "$R/plugins/c"
echo '{"workspaces":["packages/*","plugins/*"]}' >"$R/package.json"
for f in yarn.lock .yarnrc.yml tsconfig.json .yarn/install-state.gz packages/a/dist/index.js packages/b/README.md; do : >"$R/$f"; done
for w in packages/a packages/b plugins/c; do echo '{"name":"'"$w"'"}' >"$R/$w/package.json"; done
OUT="$(bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"
  make_pack_tree "$1" "$2" packages/a && echo made' "$LIB_DIR" "$R" "$T/pack-tree" 2>&1)"
check "install proof: packs in a copy with the root manifests, every workspace's package.json, the packed folders whole but node_modules, and the root's node_modules linked" \
  '[[ "$OUT" == *made* ]] && [ -f "$T/pack-tree/.yarn/install-state.gz" ] && [ -f "$T/pack-tree/tsconfig.json" ] && [ "$(readlink "$T/pack-tree/node_modules")" = "$R/node_modules" ] && [ -f "$T/pack-tree/packages/a/dist/index.js" ] && [ ! -e "$T/pack-tree/packages/a/node_modules" ] && [ -f "$T/pack-tree/packages/b/package.json" ] && [ ! -e "$T/pack-tree/packages/b/README.md" ] && [ -f "$T/pack-tree/plugins/c/package.json" ]'

# What build-workspace wrote for packages/a: the production package.json
# (with the lifecycle scripts it keeps) and the generated config schema.
P="$T/production"
mkdir -p "$P/packages/a/dist"
echo '{"name":"packages/a","main":"dist/index.cjs.js","scripts":{"build":"b","prepack":"p","postpack":"q"}}' >"$P/packages/a/package.json"
echo '{}' >"$P/packages/a/dist/.config-schema.json"
OUT="$(bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"
  overlay_production_packages "$1" "$2" packages/a && echo overlaid' "$LIB_DIR" "$T/pack-tree" "$P" 2>&1)"
check "install proof: puts build-workspace's production package.json and config schema over the copy, without prepack and postpack, keeping the copy's other files" \
  '[[ "$OUT" == *overlaid* ]] && [ "$(node -p "JSON.stringify(require(process.argv[1]))" "$T/pack-tree/packages/a/package.json")" = "{\"name\":\"packages/a\",\"main\":\"dist/index.cjs.js\",\"scripts\":{\"build\":\"b\"}}" ] && [ -f "$T/pack-tree/packages/a/dist/.config-schema.json" ] && [ -f "$T/pack-tree/packages/a/dist/index.js" ]'
OUT="$(bash -c 'source "$0/toolchain.sh"; source "$0/installProof.sh"
  overlay_production_packages "$1" "$2" packages/b' "$LIB_DIR" "$T/pack-tree" "$P" 2>&1)"
STATUS=$?
check "install proof: a package build-workspace did not write fails the overlay, naming it" \
  '[ "$STATUS" != 0 ] && [[ "$OUT" == *"build-workspace wrote no packages/b/package.json"* ]]'

# --- the test command's steps side by side (scripts/portal) --------------------

# A fake repo with the real portal and libs, and fakes for what its steps
# run: a yarn whose every script records its start and end (and fails when
# FAKE_FAILS names it), a system test that does the same, and an
# install-proof that records its start, waits for the unit tests' file and
# fails when FAKE_PROOF_FAILS is set.
mkdir -p "$T/portal-repo/scripts/lib" "$T/portal-bin"
cp "$LIB_DIR/../portal" "$T/portal-repo/scripts/"
cp "$LIB_DIR"/*.sh "$T/portal-repo/scripts/lib/"
cat >"$T/portal-bin/fake-step" <<'FAKE'
#!/bin/sh
echo "$1: start" >>"$EVENTS"
sleep "$2"
echo "$1: end" >>"$EVENTS"
[ "${FAKE_FAILS:-}" != "$1" ]
FAKE
printf '#!/bin/sh\ncase "$1" in test | test:e2e | tsc:full) s=1 ;; *) s=0.2 ;; esac\nexec fake-step "$1" "$s"\n' >"$T/portal-bin/yarn"
printf '#!/bin/sh\nexec fake-step scripts 0.2\n' >"$T/portal-repo/scripts/lib/system.test.sh"
cat >"$T/portal-repo/scripts/install-proof" <<'FAKE'
#!/bin/sh
echo "proof: start" >>"$EVENTS"
while [ ! -e "$INSTALL_PROOF_SYNC_DIR/type-checked" ]; do sleep 0.1; done
echo "proof: build" >>"$EVENTS"
while [ ! -e "$INSTALL_PROOF_SYNC_DIR/unit-tests-done" ]; do sleep 0.1; done
echo "proof: app started" >>"$EVENTS"
[ -z "${FAKE_PROOF_FAILS:-}" ] || { echo "a check failed"; exit 4; }
FAKE
chmod +x "$T/portal-bin/"* "$T/portal-repo/scripts/install-proof"
run_test_steps() {
  rm -f "$T/events"
  PATH="$T/portal-bin:$PATH" EVENTS="$T/events" TMPDIR="$T" bash -c '
    PORTAL_SOURCED=1 source "$0/scripts/portal"
    cd "$0"
    set +e
    # The installs, the ports and PostgreSQL are tested above or need the machine.
    ensure_dependencies() { fake-step install 1; }
    ensure_test_packages() { fake-step apt 1; }
    require_free_port() { :; }
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=fake
    CHROMIUM_PATH=/fake/chromium test_steps
    status=$?
    test_cleanup
    exit "$status"' "$T/portal-repo" 2>&1
}
# before A B: event A was recorded before event B (both recorded).
before() {
  local a b
  a="$(grep -n -x -m 1 "$1" "$T/events" | cut -d: -f1)"
  b="$(grep -n -x -m 1 "$2" "$T/events" | cut -d: -f1)"
  [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}
OUT="$(run_test_steps)"
STATUS=$?
check "portal test: the proof starts before the dependencies install and builds after the type-check" \
  '[ "$STATUS" = 0 ] && before "proof: start" "install: end" && before "tsc:full: end" "proof: build" && [ ! -e "$(ls -d "$T"/region-expansion-proof-sync.* 2>/dev/null | head -1)" ]'
check "portal test: Chromium and the PostgreSQL server install beside the dependencies, both before the type-check" \
  'before "apt: start" "install: end" && before "install: start" "apt: end" && before "apt: end" "tsc:full: start" && [[ "$OUT" == *"Chromium and the PostgreSQL server  (beside)"* ]]'
check "portal test: lint, prettier and the system tests run beside the type-check; the unit tests after it" \
  'before "install: end" "lint:all: start" && before "lint:all: start" "tsc:full: end" && before "prettier:check: start" "tsc:full: end" && before "scripts: start" "tsc:full: end" && before "tsc:full: end" "test: start" && [[ "$OUT" == *"lint  (beside)"* ]]'
check "portal test: the proof and the API reports run beside the unit tests; the proof starts its app and the end-to-end tests start after them" \
  'before "proof: start" "test: end" && before "check:api-reports:declarations: start" "test: end" && before "test: end" "proof: app started" && before "test: end" "test:e2e: start" && [[ "$OUT" == *"installation proof (scripts/install-proof)  (beside)"* ]] && [[ "$OUT" == *"end-to-end tests (Playwright in /fake/chromium)"* ]]'
OUT="$(FAKE_FAILS=apt run_test_steps)"
STATUS=$?
check "portal test: Chromium or PostgreSQL failing to install beside the dependencies fails the run before the type-check" \
  '[ "$STATUS" != 0 ] && [[ "$OUT" == *"Chromium and the PostgreSQL server  FAILED"* ]] && grep -q "install: end" "$T/events" && ! grep -q "tsc:full: start" "$T/events"'
OUT="$(FAKE_FAILS=lint:all run_test_steps)"
STATUS=$?
check "portal test: a failing lint beside the type-check fails the run before the unit tests start" \
  '[ "$STATUS" != 0 ] && [[ "$OUT" == *"lint  FAILED"* ]] && ! grep -q "test: start" "$T/events"'
OUT="$(FAKE_PROOF_FAILS=1 run_test_steps)"
STATUS=$?
check "portal test: a failing proof beside passing tests fails the run and prints the proof's output" \
  '[ "$STATUS" != 0 ] && [[ "$OUT" == *"a check failed"* ]] && [[ "$OUT" == *"installation proof (scripts/install-proof)  FAILED (exit 4)"* ]]'
OUT="$(FAKE_FAILS=test:e2e run_test_steps)"
STATUS=$?
check "portal test: failing end-to-end tests fail the run, and the proof still runs to its own result" \
  '[ "$STATUS" != 0 ] && [[ "$OUT" == *"end-to-end tests (Playwright in /fake/chromium)  FAILED"* ]] && grep -q "proof: app started" "$T/events" && [[ "$OUT" == *"installation proof (scripts/install-proof)  (beside)"* ]]'
OUT="$(FAKE_FAILS="test" run_test_steps)"
STATUS=$?
check "portal test: failing unit tests fail the run, skip the end-to-end tests, and the proof still ends" \
  '[ "$STATUS" != 0 ] && ! grep -q "test:e2e: start" "$T/events" && grep -q "proof: app started" "$T/events"'

# --- start_throwaway_postgres with a minimal PATH ------------------------------

if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ] &&
  ! (source "$LIB_DIR/postgres.sh" && pg_server_installed); then
  echo "ok - starts a throwaway PostgreSQL with PATH=/usr/bin:/bin # SKIP no server binaries here; BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING names a server"
  exit "$FAILED"
fi
PORT=""
for candidate in $(seq 5461 5479); do
  (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || { PORT=$candidate; break; }
done
OUT="$(env -i HOME="$HOME" PATH=/usr/bin:/bin LIB_DIR="$LIB_DIR" PORT="$PORT" bash -c '
  set -euo pipefail
  source "$LIB_DIR/postgres.sh"
  REGION_EXPANSION_PG_TEST_PORT=$PORT start_throwaway_postgres
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") && echo "listening"
  dir="$PG_TEST_DIR"
  stop_throwaway_postgres
  [ ! -d "$dir" ] && echo "removed"
' 2>&1)"
STATUS=$?
check "starts a throwaway PostgreSQL on the port given at call time, with PATH=/usr/bin:/bin, and removes it on stop" \
  '[ -n "$PORT" ] && [ "$STATUS" = 0 ] && [[ "$OUT" == *"on 127.0.0.1:$PORT"* ]] && [[ "$OUT" == *listening* ]] && [[ "$OUT" == *removed* ]]'

exit "$FAILED"
