# Redis from the Debian package, as a plain process. Sourced by dev/platform.
# shellcheck shell=bash

REDIS_URL=redis://127.0.0.1:$TANDEM_REDIS_PORT

redis_healthy() {
  # A bounded wait: a program on the port that is not Redis would otherwise leave redis-cli waiting.
  [ "$(timeout 2 redis-cli -p "$TANDEM_REDIS_PORT" ping 2>/dev/null)" = PONG ]
}

redis_install() {
  ensure_debian_package redis-server redis-server
  ensure_debian_package redis-cli redis-tools
}

redis_start() {
  if redis_healthy; then return 0; fi
  require_free_port redis TANDEM_REDIS_PORT
  mkdir -p "$TANDEM_STATE_DIR/redis"
  start_process redis redis-server --bind 127.0.0.1 --port "$TANDEM_REDIS_PORT" \
    --dir "$TANDEM_STATE_DIR/redis" --daemonize no --save "" --appendonly no --protected-mode yes
  wait_until redis 30 redis_healthy
}

redis_down() {
  stop_process redis
}

redis_status() {
  report_status redis redis_healthy "$REDIS_URL"
}
