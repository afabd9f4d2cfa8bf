#!/usr/bin/env bash
# The RabbitMQ source reads unacked counts from the management API; enable its plugin when it is off.
set -euo pipefail
api="${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:15672}/api/overview"
credentials="${RABBITMQ_MANAGEMENT_CREDENTIALS:-guest:guest}"
wait_s="${RABBITMQ_MANAGEMENT_WAIT_S:-60}"

answers() {
  curl -fsS -m 5 -u "$credentials" "$api" >/dev/null 2>&1
}

if answers; then
  exit 0
fi
echo "RabbitMQ management API not answering at $api; enabling rabbitmq_management" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "Run as root, or enable it yourself: rabbitmq-plugins enable rabbitmq_management" >&2
    exit 1
  fi
fi
if ! ${SUDO:-} rabbitmq-plugins enable rabbitmq_management >&2; then
  echo "rabbitmq-plugins could not enable rabbitmq_management: is the RabbitMQ node running?" >&2
  exit 1
fi
deadline=$((SECONDS + wait_s))
until answers; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "RabbitMQ management API still not answering at $api after ${wait_s} s" >&2
    exit 1
  fi
  sleep 1
done
echo "RabbitMQ management API answering at $api" >&2
