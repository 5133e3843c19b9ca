# shellcheck shell=bash
# Sourced by scripts/install-proof: the pieces of the installation proof that
# scripts/lib/system.test.sh tests alone (registry config, the publishable
# package list, phase timing). Needs toolchain.sh (die, REPO_ROOT) first.

# Pinned: 6.10 is the newest Verdaccio and runs on the repo's Node 22.
export VERDACCIO_VERSION="6.10.4"

# Prints the workspace folders (relative to the repo root) of every package
# the proof publishes: each plugins/* and packages/* folder with a
# package.json, less the demo portal's app and backend (bundles, never
# published) and the packages whose package.json says `"private": true` when
# they are in ALLOWED_PRIVATE (space-separated folders; empty in CI).
# Fails, naming the package, when a package is private and not allowed:
# a private package cannot reach a platform team.
publishable_package_dirs() {
  local root="$1" allowed="${2:-}" dir private failed=0
  for dir in "$root"/plugins/*/ "$root"/packages/*/; do
    dir="${dir%/}"
    [ -f "$dir/package.json" ] || continue
    dir="${dir#"$root"/}"
    case "$dir" in packages/app | packages/backend) continue ;; esac
    private="$(node -e 'process.stdout.write(String(require(process.argv[1]).private === true))' "$root/$dir/package.json")"
    if [ "$private" = "true" ] && [[ " $allowed " != *" $dir "* ]]; then
      echo "error: $dir/package.json: private: true (a platform team cannot install it; remove the field)" >&2
      failed=1
      continue
    fi
    echo "$dir"
  done
  return "$failed"
}

# make_pack_tree ROOT TREE DIR...: a copy of the workspace at ROOT in TREE
# that `yarn pack` runs in: the root manifests, the install state and a
# link to ROOT's node_modules, every workspace's package.json, and the whole
# folder (without node_modules) of each DIR to pack. Packing there leaves
# ROOT's files alone: prepack rewrites each package.json for the registry
# until postpack restores it, and the unit and end-to-end tests running
# meanwhile resolve the workspaces through those files.
make_pack_tree() {
  local root="$1" tree="$2" dir pattern workspace patterns
  shift 2
  # Read, not expanded: the patterns are globbed under ROOT below.
  read -ra patterns <<<"$(node -p 'require(process.argv[1]).workspaces.join(" ")' "$root/package.json")" || return 1
  mkdir -p "$tree/.yarn" || return 1
  cp "$root/package.json" "$root/yarn.lock" "$root/.yarnrc.yml" "$root/tsconfig.json" "$tree/" || return 1
  cp "$root/.yarn/install-state.gz" "$tree/.yarn/" || return 1
  ln -s "$root/node_modules" "$tree/node_modules" || return 1
  for pattern in "${patterns[@]}"; do
    for workspace in "$root"/$pattern/package.json; do
      [ -f "$workspace" ] || continue
      dir="$(dirname "${workspace#"$root"/}")"
      mkdir -p "$tree/$dir" && cp "$workspace" "$tree/$dir/" || return 1
    done
  done
  for dir in "$@"; do
    tar -C "$root/$dir" --exclude=./node_modules -cf - . | tar -C "$tree/$dir" -xf - || return 1
  done
}

# overlay_production_packages TREE PRODUCTION DIR...: puts what
# `backstage-cli build-workspace PRODUCTION` wrote for each DIR (its
# production package.json, the generated dist/.config-schema.json, the files
# it publishes) over TREE/DIR, and takes prepack and postpack out of that
# package.json: the work prepack does is done, and `yarn pack` in TREE only
# turns `workspace:^` into versions and writes the tarball. build-workspace
# does for all packages in one process what each prepack does alone (one
# TypeScript program for the config schemas, one for the feature detection).
overlay_production_packages() {
  local tree="$1" production="$2" dir manifests=()
  shift 2
  for dir in "$@"; do
    manifests+=("$tree/$dir/package.json")
    [ -f "$production/$dir/package.json" ] || {
      echo "error: backstage-cli build-workspace wrote no $dir/package.json" >&2
      return 1
    }
    cp -R "$production/$dir/." "$tree/$dir/" || return 1
  done
  node -e '
    const fs = require("node:fs");
    for (const file of process.argv.slice(1)) {
      const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
      delete manifest.scripts?.prepack;
      delete manifest.scripts?.postpack;
      fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    }' "${manifests[@]}" || return 1
}

# Publishes every tarball in folder $1 to registry $2 with the npm config $3,
# $5 at a time (each publish spends most of its time starting Node and
# waiting on the registry), logging each to $4/<tarball>.log. Prints the
# number published; fails, naming each tarball that did not publish with the
# end of its log, when any did not.
publish_tarballs() {
  local tarballs="$1" registry="$2" npmrc="$3" logs="$4" jobs="$5" tgz name count=0 failed=""
  mkdir -p "$logs"
  printf '%s\0' "$tarballs"/*.tgz | REGISTRY="$registry" NPMRC="$npmrc" LOGS="$logs" \
    xargs -0 -n 1 -P "$jobs" sh -c 'log="$LOGS/$(basename "$1").log"
      npm publish "$1" --registry "$REGISTRY/" --userconfig "$NPMRC" --access public \
        --loglevel=error --update-notifier=false >"$log" 2>&1 || touch "$log.failed"' publish || true
  for tgz in "$tarballs"/*.tgz; do
    name="$(basename "$tgz")"
    if [ -e "$logs/$name.log.failed" ] || [ ! -e "$logs/$name.log" ]; then
      failed+=$'\n'"$name: $(tail -n 5 "$logs/$name.log" 2>/dev/null)"
    else
      count=$((count + 1))
    fi
  done
  if [ -n "$failed" ]; then
    echo "error: npm publish failed for:$failed" >&2
    return 1
  fi
  echo "$count"
}

# Writes a Verdaccio config to $1: storage under $2, listening on loopback
# port $3, `@region-expansion/*` served from local storage only (publish for
# the throwaway user), every other package proxied to the uplink $4.
write_verdaccio_config() {
  local config="$1" storage="$2" port="$3" uplink="$4"
  cat >"$config" <<CONFIG
storage: $storage/storage
auth:
  htpasswd:
    file: $storage/htpasswd
    max_users: 1
uplinks:
  npmjs:
    url: $uplink
    timeout: 60s
packages:
  '@region-expansion/*':
    access: \$all
    publish: \$authenticated
    unpublish: \$authenticated
  '**':
    access: \$all
    proxy: npmjs
listen: 127.0.0.1:$port
max_body_size: 200mb
server:
  keepAliveTimeout: 60
log: { type: stdout, format: pretty, level: warn }
CONFIG
}

# Prints the first port from $1 up that nothing listens on (within 50).
free_port_from() {
  local port="$1" last=$(($1 + 50))
  while [ "$port" -lt "$last" ]; do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
    port=$((port + 1))
  done
  echo "error: no free port in $1-$last" >&2
  return 1
}

# Beside ./scripts/portal test: with INSTALL_PROOF_SYNC_DIR set, the proof
# creates its app while the test command installs the repo's dependencies,
# waits for the file `type-checked` there before it builds (the type-check
# writes the declarations the build reads), builds, publishes and applies
# the guide while the unit tests run, and before it starts its own app it
# waits for the file `unit-tests-done` (a bundler and Chromium on top of the
# unit tests' two workers would only slow both). The test command writes
# both files itself.
#
# sync_wait NAME SECONDS: waits until the file NAME appears (at once when
# INSTALL_PROOF_SYNC_DIR is unset); fails, naming it, after SECONDS.
sync_wait() {
  local name="$1" seconds="$2" waited=0
  [ -n "${INSTALL_PROOF_SYNC_DIR:-}" ] || return 0
  until [ -e "$INSTALL_PROOF_SYNC_DIR/$name" ]; do
    if [ "$waited" -ge "$seconds" ]; then
      echo "error: $INSTALL_PROOF_SYNC_DIR/$name did not appear within $seconds s" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# remove_in_background DIR: renames DIR aside at once and deletes it in a
# process of its own: the fresh app's node_modules takes 40-90 s to delete
# on this machine, which the proof's result need not wait for.
remove_in_background() {
  local dir="$1" trash
  trash="$(mktemp -u "$dir.removing.XXXXXX")"
  mv "$dir" "$trash" || return 1
  (setsid rm -rf "$trash" >/dev/null 2>&1 &)
}

# Phase timing: `phase_start NAME` ... `phase_end`; `phase_report` prints
# every finished phase with its seconds and the total.
PHASE_NAMES=()
PHASE_SECONDS=()
PHASE_CURRENT=""
PHASE_STARTED=0

phase_start() {
  PHASE_CURRENT="$1"
  PHASE_STARTED="$(date +%s)"
  echo "==> [install-proof] $1"
}

phase_end() {
  PHASE_NAMES+=("$PHASE_CURRENT")
  PHASE_SECONDS+=($(($(date +%s) - PHASE_STARTED)))
  PHASE_CURRENT=""
}

phase_report() {
  local i total=0
  echo "==> [install-proof] phases (seconds):"
  for i in "${!PHASE_NAMES[@]}"; do
    printf '    %5d  %s\n' "${PHASE_SECONDS[$i]}" "${PHASE_NAMES[$i]}"
    total=$((total + PHASE_SECONDS[i]))
  done
  printf '    %5d  total\n' "$total"
}
