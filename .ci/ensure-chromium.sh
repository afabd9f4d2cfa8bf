#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; install it when it is missing.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  exit 0
fi
echo "Chromium not found at $chromium_path; installing Debian's chromium package" >&2
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "Run as root, or install it yourself: apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi
${SUDO:-} apt-get update -qq
DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq chromium >/dev/null
if [ ! -x "$chromium_path" ]; then
  echo "Installed Debian's chromium, but $chromium_path is still missing: point CHROMIUM_PATH at it" >&2
  exit 1
fi
echo "Chromium installed at $chromium_path" >&2
