#!/usr/bin/env bash
# The remote_write and PromQL tests run a real Prometheus; install Debian's package when it is missing.
set -euo pipefail
prometheus_path="${PROMETHEUS_PATH:-prometheus}"
if command -v "$prometheus_path" >/dev/null 2>&1; then
  exit 0
fi
echo "Prometheus not found ($prometheus_path); installing Debian's prometheus package" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "Run as root, or install it yourself: apt-get install -y prometheus (or set PROMETHEUS_PATH)" >&2
    exit 1
  fi
fi
${SUDO:-} apt-get update -qq
# The package's service is not wanted: the tests start their own Prometheus on a loopback port.
DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq --no-install-recommends prometheus >/dev/null
if ! command -v "$prometheus_path" >/dev/null 2>&1; then
  echo "Installed Debian's prometheus, but $prometheus_path is still missing: point PROMETHEUS_PATH at it" >&2
  exit 1
fi
echo "Prometheus installed: $(command -v "$prometheus_path")" >&2
