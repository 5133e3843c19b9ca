# shellcheck shell=bash
# Sourced by scripts/portal: runs the steps of `./scripts/portal test`, one
# after the other (run_step) or side by side (start_step, then finish_step),
# and prints each step's own wall-clock seconds (step_report, which the
# caller runs at exit, after a failure too), so a slow CI run says which step grew. A step run beside
# others writes its output to a log that finish_step prints whole, so the CI
# log never interleaves two steps.

STEP_NAMES=()
STEP_SECONDS=()
STEP_STATUS=()
TEST_STARTED="$(date +%s)"
STEP_LOG_DIR=""
# Started and not yet finished steps: name -> pid, name -> log file.
declare -A STEP_PID=()
declare -A STEP_LOG=()

step_report() {
  local i
  [ "${#STEP_NAMES[@]}" -gt 0 ] || return 0
  echo "==> steps (seconds; a step marked 'beside' ran while another did):"
  for i in "${!STEP_NAMES[@]}"; do
    printf '    %5d  %s%s\n' "${STEP_SECONDS[$i]}" "${STEP_NAMES[$i]}" "${STEP_STATUS[$i]}"
  done
  printf '    %5d  total, installs included\n' "$(($(date +%s) - TEST_STARTED))"
}

record_step() {
  STEP_NAMES+=("$1")
  STEP_SECONDS+=("$2")
  if [ "$3" -ne 0 ]; then STEP_STATUS+=("  FAILED (exit $3)"); else STEP_STATUS+=("$4"); fi
}

# run_step NAME COMMAND...: runs the command in the foreground; fails when
# it fails.
run_step() {
  local name="$1" started status=0
  shift
  echo "==> $name"
  started="$(date +%s)"
  "$@" || status=$?
  record_step "$name" $(($(date +%s) - started)) "$status" ""
  if [ "$status" -ne 0 ]; then
    echo "error: '$name' failed" >&2
    return 1
  fi
}

# start_step NAME COMMAND...: starts the command in the background, its
# output into a log; the step's own seconds and exit status are written
# next to the log when it ends, not when finish_step asks for them.
start_step() {
  local name="$1" log
  shift
  [ -n "$STEP_LOG_DIR" ] || STEP_LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/region-expansion-steps.XXXXXX")"
  log="$STEP_LOG_DIR/step-${#STEP_LOG[@]}.log"
  echo "==> $name (started beside the next steps; its output follows when it ends)"
  (
    started="$(date +%s)"
    status=0
    # The command runs as this subshell's child, so that stop_started_steps
    # ends the command itself, not only the subshell waiting for it.
    "$@" &
    child=$!
    trap 'kill "$child" 2>/dev/null' TERM
    wait "$child" || status=$?
    echo "$(($(date +%s) - started)) $status" >"$log.result"
    exit "$status"
  ) >"$log" 2>&1 &
  STEP_PID["$name"]=$!
  STEP_LOG["$name"]="$log"
}

# step_running NAME: true while a started step has not ended.
step_running() {
  [ ! -e "${STEP_LOG[$1]}.result" ] && kill -0 "${STEP_PID[$1]}" 2>/dev/null
}

# finish_step NAME: waits for a started step, prints its output and records
# its own seconds; fails when it failed.
finish_step() {
  local name="$1" log seconds status
  log="${STEP_LOG[$name]}"
  wait "${STEP_PID[$name]}" 2>/dev/null || true
  echo "==> $name (output)"
  cat "$log"
  if [ -f "$log.result" ]; then
    read -r seconds status <"$log.result"
  else
    seconds=0
    status=1
    echo "error: '$name' ended without recording its result (killed?)" >&2
  fi
  unset "STEP_PID[$name]"
  record_step "$name" "$seconds" "$status" "  (beside)"
  if [ "$status" -ne 0 ]; then
    echo "error: '$name' failed" >&2
    return 1
  fi
}

# Ends every started step that is still running (on exit or interrupt).
stop_started_steps() {
  local name
  for name in "${!STEP_PID[@]}"; do
    kill "${STEP_PID[$name]}" 2>/dev/null || true
  done
  [ -z "$STEP_LOG_DIR" ] || rm -rf "$STEP_LOG_DIR"
}
