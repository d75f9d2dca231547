#!/usr/bin/env bash
# Restarts the API instances one at a time without losing a request (new code, new settings):
#   sudo deploy/rolling-restart.sh            # ports 8081 8082 8083
#   sudo deploy/rolling-restart.sh 8081 8082  # these only
# For each instance: nginx stops sending it new requests (marked `down`, graceful reload: old
# nginx workers finish what they carry), the instance is restarted (SIGTERM: it finishes its
# requests in flight and ends its live streams with a reconnect hint; clients reconnect through
# nginx to the other instances and resume from Last-Event-ID), and once /api/ready answers it is
# put back. Never restart the next one before the previous is back.
set -euo pipefail
CONF=${NGINX_CONF:-/etc/nginx/conf.d/guishang.conf}
PORTS=("$@")
[ ${#PORTS[@]} -gt 0 ] || PORTS=(8081 8082 8083)

reload_nginx() { nginx -t -q && nginx -s reload; }

for port in "${PORTS[@]}"; do
  echo "guishang@$port: out of nginx…"
  sed -i -E "s/^(\s*server 127\.0\.0\.1:$port\b[^;]*);/\1 down;/" "$CONF"
  reload_nginx
  # Requests already passed to the instance finish on it; 2 s covers ordinary ones.
  sleep 2
  echo "guishang@$port: restarting…"
  systemctl restart "guishang@$port"
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/api/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/api/ready" >/dev/null || {
    echo "guishang@$port is not ready: left out of nginx; see journalctl -u guishang@$port" >&2
    exit 1
  }
  sed -i -E "s/^(\s*server 127\.0\.0\.1:$port\b[^;]*) down;/\1;/" "$CONF"
  reload_nginx
  echo "guishang@$port: back."
done
