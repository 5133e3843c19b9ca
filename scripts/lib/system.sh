# shellcheck shell=bash
# Sourced by scripts/portal (and so by .ci/run): the Debian packages the tests
# need besides Node.js, Chromium for Playwright and the PostgreSQL server for
# the store tests. Run as root or with passwordless sudo, the missing ones are
# installed with one apt-get update and one apt-get install; otherwise the
# command that installs them is printed in one line. Needs postgres.sh
# (pg_server_installed) and toolchain.sh (die) sourced first.

# dpkg's maintainer scripts need the sbin directories, which a minimal PATH
# (cron, `env -i`, some CI runners) lacks.
SYSTEM_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# Prints the prefix that runs a command as root: nothing when this is root,
# `sudo -n` with passwordless sudo. Fails when neither is possible.
root_prefix() {
  if [ "$(id -u)" = "0" ]; then
    return 0
  fi
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    echo "sudo -n"
    return 0
  fi
  return 1
}

# Installs Debian packages: apt-get update once, then one apt-get install.
apt_install() {
  local prefix apt_get
  prefix="$(root_prefix)" || return 1
  apt_get="$(command -v apt-get)" || {
    echo "error: apt-get is not on PATH (not Debian?): install $* yourself" >&2
    return 1
  }
  echo "==> installing $* with apt-get (missing here; running as ${prefix:+sudo }root)"
  # shellcheck disable=SC2086 # the prefix is empty or two words
  $prefix env DEBIAN_FRONTEND=noninteractive PATH="$SYSTEM_PATH" "$apt_get" update -qq &&
    $prefix env DEBIAN_FRONTEND=noninteractive PATH="$SYSTEM_PATH" "$apt_get" install -y -qq "$@" >/dev/null
}

# Makes sure the named needs of the tests are met, installing what is missing
# when allowed: `chromium` (an executable at CHROMIUM_PATH, default Debian's
# /usr/bin/chromium) and `postgresql` (initdb and pg_ctl, unless
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING names a server).
# Exports CHROMIUM_PATH.
ensure_test_packages() {
  CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  export CHROMIUM_PATH
  local need packages=() what=() alternatives=()
  for need in "$@"; do
    case "$need" in
      chromium)
        if [ ! -x "$CHROMIUM_PATH" ]; then
          packages+=(chromium)
          what+=("Chromium (at $CHROMIUM_PATH)")
          alternatives+=(CHROMIUM_PATH)
        fi
        ;;
      postgresql)
        if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ] && ! pg_server_installed; then
          packages+=(postgresql)
          what+=("the PostgreSQL server (initdb, pg_ctl)")
          alternatives+=(BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)
        fi
        ;;
      *) die "ensure_test_packages: unknown need '$need'" ;;
    esac
  done
  [ "${#packages[@]}" -eq 0 ] && return 0
  local missing="${what[0]}" item
  for item in "${what[@]:1}"; do
    missing+=", $item"
  done
  if ! root_prefix >/dev/null; then
    die "missing for the tests: $missing: run 'sudo apt-get install -y ${packages[*]}' (or run this as root, which installs them; or set $(IFS=/; echo "${alternatives[*]}"))"
  fi
  apt_install "${packages[@]}" || die "apt-get could not install ${packages[*]} (see its output above)"
  if [ ! -x "$CHROMIUM_PATH" ] && [[ " ${packages[*]} " == *" chromium "* ]]; then
    die "Debian's chromium is installed, but $CHROMIUM_PATH is still missing: set CHROMIUM_PATH to the browser's path"
  fi
  if [[ " ${packages[*]} " == *" postgresql "* ]] && ! pg_server_installed; then
    die "Debian's postgresql is installed, but initdb and pg_ctl are not in /usr/lib/postgresql/*/bin: put them on PATH"
  fi
}
