# MLflow tracking server and model registry from PyPI, in a cached virtualenv.
# SQL backend (sqlite) because registry webhooks need it; artifacts are proxied by
# the server (--serve-artifacts), so clients need only HTTP. Sourced by dev/platform.
# shellcheck shell=bash

MLFLOW_VERSION=3.17.2
MLFLOW_VENV=$TANDEM_CACHE_DIR/mlflow/$MLFLOW_VERSION
MLFLOW_URL=http://127.0.0.1:$TANDEM_MLFLOW_PORT

mlflow_healthy() {
  http_ok "$MLFLOW_URL/health"
}

mlflow_install() {
  # The marker is written last, so a half-finished install is redone rather than used.
  [ -f "$MLFLOW_VENV/.installed" ] && return 0
  local python
  python=$(command -v python3) || die "python3 is not installed; MLflow needs Python 3.10 or newer"
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' ||
    die "MLflow $MLFLOW_VERSION needs Python 3.10 or newer; $python is $("$python" --version 2>&1)"
  local log=$LOG_DIR/install-mlflow.log
  mkdir -p "$LOG_DIR"
  say "installing mlflow $MLFLOW_VERSION into $MLFLOW_VENV (first time only; log: $log)"
  rm -rf "$MLFLOW_VENV"
  {
    "$python" -m venv "$MLFLOW_VENV" &&
      "$MLFLOW_VENV/bin/pip" install --disable-pip-version-check "mlflow==$MLFLOW_VERSION"
  } >"$log" 2>&1 || die "pip install mlflow==$MLFLOW_VERSION failed (log: $log)"
  touch "$MLFLOW_VENV/.installed"
}

mlflow_start() {
  if mlflow_healthy; then return 0; fi
  require_free_port mlflow TANDEM_MLFLOW_PORT
  local dir=$TANDEM_STATE_DIR/mlflow
  mkdir -p "$dir/artifacts"
  # Webhook secrets are stored encrypted; a key kept in the state dir keeps them readable across restarts.
  [ -f "$dir/webhook-secret.key" ] || openssl rand -base64 32 | tr '+/' '-_' >"$dir/webhook-secret.key"
  # Webhooks to the tests' loopback receivers need http and private addresses allowed explicitly;
  # a short cache TTL makes a new webhook fire on the next event; no telemetry leaves the machine.
  MLFLOW_WEBHOOK_ALLOWED_SCHEMES=http,https \
    MLFLOW_WEBHOOK_ALLOW_PRIVATE_IPS=true \
    MLFLOW_WEBHOOK_CACHE_TTL=1 \
    MLFLOW_WEBHOOK_SECRET_ENCRYPTION_KEY=$(cat "$dir/webhook-secret.key") \
    MLFLOW_DISABLE_TELEMETRY=true DO_NOT_TRACK=true \
    start_process mlflow "$MLFLOW_VENV/bin/mlflow" server \
    --backend-store-uri "sqlite:///$dir/mlflow.db" \
    --serve-artifacts --artifacts-destination "$dir/artifacts" \
    --host "${TANDEM_MLFLOW_HOST:-127.0.0.1}" --port "$TANDEM_MLFLOW_PORT" --workers 1
  wait_until mlflow 180 mlflow_healthy
}

mlflow_down() {
  stop_process mlflow
}

mlflow_status() {
  report_status mlflow mlflow_healthy "$MLFLOW_URL"
}
