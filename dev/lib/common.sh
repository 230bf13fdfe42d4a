# Shared settings and process helpers for dev/platform. Sourced, not executed.
# shellcheck shell=bash

# Where things live. Binaries and virtualenvs are cached outside the repo and
# survive `down`; state (data, logs, pid files, kubeconfig) is one directory.
TANDEM_CACHE_DIR=${TANDEM_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tandem}
TANDEM_STATE_DIR=${TANDEM_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/tandem/platform}

# Ports on 127.0.0.1. Each can be overridden so two platforms can run side by side.
TANDEM_ETCD_PORT=${TANDEM_ETCD_PORT:-23790}
TANDEM_ETCD_PEER_PORT=${TANDEM_ETCD_PEER_PORT:-23800}
TANDEM_APISERVER_PORT=${TANDEM_APISERVER_PORT:-26443}
TANDEM_CONTROLLER_MANAGER_PORT=${TANDEM_CONTROLLER_MANAGER_PORT:-26257}
TANDEM_SCHEDULER_PORT=${TANDEM_SCHEDULER_PORT:-26259}
TANDEM_KWOK_PORT=${TANDEM_KWOK_PORT:-26080}
TANDEM_MLFLOW_PORT=${TANDEM_MLFLOW_PORT:-25000}
TANDEM_REDIS_PORT=${TANDEM_REDIS_PORT:-26379}
TANDEM_PROMETHEUS_PORT=${TANDEM_PROMETHEUS_PORT:-29090}

LOG_DIR=$TANDEM_STATE_DIR/logs
RUN_DIR=$TANDEM_STATE_DIR/run

# Prints one line to stderr and fails: the reason, and the log to read for more.
# The script's name in its messages; scripts other than dev/platform set it before sourcing this file.
SCRIPT_NAME=${SCRIPT_NAME:-platform}

die() {
  echo "$SCRIPT_NAME: $*" >&2
  exit 1
}

say() {
  echo "$SCRIPT_NAME: $*" >&2
}

require_command() {
  local cmd=$1 hint=$2
  command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is not installed; $hint"
}

# Installs Debian packages when a command is missing and we may (root with apt-get).
ensure_debian_package() {
  local cmd=$1 package=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian package $package (for $cmd)"
    local log=$LOG_DIR/apt-$package.log
    {
      [ -n "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ] ||
        apt-get update
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"
    } >"$log" 2>&1 || die "apt-get install $package failed (log: $log)"
  fi
  require_command "$cmd" "install the Debian package '$package' (apt-get install $package)"
}

# A pid file holds "<pid> <start time>": the start time (clock ticks since boot, from /proc) tells
# our process from another that reused its pid after a reboot, so `down` never signals a stranger.
# Prints nothing for a process that is gone or a zombie (dead, not yet reaped).
start_time_of() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  echo "$stat" | awk '$1 != "Z" { print $20 }'
}

pid_of() {
  local file=$RUN_DIR/$1.pid
  [ -f "$file" ] && awk '{ print $1 }' "$file"
}

is_running() {
  local file=$RUN_DIR/$1.pid pid recorded
  [ -f "$file" ] || return 1
  read -r pid recorded <"$file" || true
  [ -n "$pid" ] && [ -n "$recorded" ] && [ "$(start_time_of "$pid")" = "$recorded" ]
}

# Starts a detached process with its output in logs/<name>.log and its pid in run/<name>.pid.
start_process() {
  local name=$1
  shift
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  local log=$LOG_DIR/$name.log
  echo "--- $(date -u +%FT%TZ) starting: $*" >>"$log"
  # fd 9 is dev/platform's lock; a daemon must not hold it after `up` returns.
  setsid "$@" >>"$log" 2>&1 </dev/null 9>&- &
  echo "$! $(start_time_of $!)" >"$RUN_DIR/$name.pid"
}

# Stops the process and everything it started: each runs in its own session (setsid), so its
# process group holds its workers too (MLflow's uvicorn and job-runner children, for instance).
stop_process() {
  local name=$1 pid
  pid=$(pid_of "$name") || return 0
  if is_running "$name"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# Waits until "$@" succeeds, or the process died, or the timeout passed.
wait_until() {
  local name=$1 timeout=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    is_running "$name" || die "$name exited during start (log: $LOG_DIR/$name.log)"
    [ $SECONDS -lt $deadline ] || die "$name did not become healthy within ${timeout}s (log: $LOG_DIR/$name.log)"
    sleep 0.3
  done
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Refuses to start on a port some other program holds, rather than failing obscurely later.
# Takes the name of the variable that sets the port, so the message says what to change.
require_free_port() {
  local name=$1 variable=$2
  local port=${!variable}
  port_in_use "$port" && die "$name: port $port on 127.0.0.1 is taken by another program; set $variable to a free port"
  return 0
}

http_ok() {
  curl -fs --max-time 2 "$@" >/dev/null
}
