# Prometheus from the Debian package, as a plain process. Sourced by dev/platform.
# shellcheck shell=bash

PROMETHEUS_URL=http://127.0.0.1:$TANDEM_PROMETHEUS_PORT
# Tests register scrape targets by dropping file_sd JSON files here (see PrometheusTargets).
PROMETHEUS_TARGETS_DIR=$TANDEM_STATE_DIR/prometheus/targets

prometheus_healthy() {
  http_ok "$PROMETHEUS_URL/-/ready"
}

write_prometheus_config() {
  mkdir -p "$PROMETHEUS_TARGETS_DIR" "$TANDEM_STATE_DIR/prometheus/data"
  cat >"$TANDEM_STATE_DIR/prometheus/prometheus.yml" <<YAML
global:
  scrape_interval: 2s
  evaluation_interval: 2s
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ["127.0.0.1:$TANDEM_PROMETHEUS_PORT"]
  # Each JSON file names its own job label, so one scrape config serves every test target.
  - job_name: file-targets
    file_sd_configs:
      - files: ["$PROMETHEUS_TARGETS_DIR/*.json"]
        refresh_interval: 2s
YAML
}

prometheus_install() {
  ensure_debian_package prometheus prometheus
}

prometheus_start() {
  if prometheus_healthy; then return 0; fi
  require_free_port prometheus TANDEM_PROMETHEUS_PORT
  write_prometheus_config
  start_process prometheus prometheus \
    --config.file "$TANDEM_STATE_DIR/prometheus/prometheus.yml" \
    --storage.tsdb.path "$TANDEM_STATE_DIR/prometheus/data" \
    --storage.tsdb.retention.time 1d \
    --web.listen-address "127.0.0.1:$TANDEM_PROMETHEUS_PORT" --web.enable-lifecycle
  wait_until prometheus 60 prometheus_healthy
}

prometheus_down() {
  stop_process prometheus
}

prometheus_status() {
  report_status prometheus prometheus_healthy "$PROMETHEUS_URL"
}
