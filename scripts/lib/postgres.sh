# shellcheck shell=bash
# Sourced by scripts/portal: starts a throwaway PostgreSQL cluster on loopback
# for the store tests and hands it to Backstage's TestDatabases through
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING. The cluster lives in a
# temporary folder and is stopped (and removed) when the calling shell exits.

# Finds a PostgreSQL server binary: on PATH, else in Debian's versioned
# directories (newest first), which are on no PATH by default.
pg_bin() {
  local name="$1" dir
  if command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/$name" ] && { echo "$dir/$name"; return 0; }
  done
  return 1
}

pg_server_installed() {
  pg_bin initdb >/dev/null && pg_bin pg_ctl >/dev/null
}

# runuser lives in /usr/sbin (or /sbin), which a minimal PATH lacks.
runuser_bin() {
  command -v runuser 2>/dev/null && return 0
  local candidate
  for candidate in /usr/sbin/runuser /sbin/runuser; do
    [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_throwaway_postgres() {
  # Read at call time, so `REGION_EXPANSION_PG_TEST_PORT=5441 start_throwaway_postgres` works.
  PG_TEST_PORT="${REGION_EXPANSION_PG_TEST_PORT:-5439}"
  local initdb pg_ctl
  initdb="$(pg_bin initdb)" && pg_ctl="$(pg_bin pg_ctl)" || {
    echo "error: PostgreSQL server binaries (initdb, pg_ctl) are missing: on Debian run 'apt-get install -y postgresql' (or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING to an existing server)" >&2
    return 1
  }
  if port_in_use "$PG_TEST_PORT"; then
    echo "error: port $PG_TEST_PORT is busy, so the throwaway PostgreSQL cannot start: free it or set REGION_EXPANSION_PG_TEST_PORT" >&2
    return 1
  fi
  PG_TEST_DIR="$(mktemp -d /tmp/region-expansion-pg.XXXXXX)"
  chmod 755 "$PG_TEST_DIR"
  # initdb refuses to run as root; the cluster runs as an unprivileged user.
  local as_user=()
  if [ "$(id -u)" = "0" ]; then
    local pg_user=postgres
    id "$pg_user" >/dev/null 2>&1 || pg_user=nobody
    chown "$pg_user" "$PG_TEST_DIR"
    local runuser
    runuser="$(runuser_bin)" || {
      echo "error: runuser is missing (util-linux), so the throwaway PostgreSQL cannot run as $pg_user" >&2
      return 1
    }
    as_user=("$runuser" -u "$pg_user" --)
  fi
  "${as_user[@]}" "$initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_TEST_DIR/initdb.log" 2>&1 || {
    echo "error: initdb failed, see $PG_TEST_DIR/initdb.log" >&2
    return 1
  }
  "${as_user[@]}" "$pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_TEST_PORT -k $PG_TEST_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null || {
    echo "error: PostgreSQL did not start, see $PG_TEST_DIR/server.log" >&2
    return 1
  }
  PG_TEST_STOP=("${as_user[@]}" "$pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop)
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$PG_TEST_PORT/postgres"
  echo "==> throwaway PostgreSQL $("$pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$PG_TEST_PORT"
}

stop_throwaway_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR" ]; then
    "${PG_TEST_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
}
