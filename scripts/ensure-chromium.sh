#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work here). Installs it when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "installing Chromium from Debian packages..." >&2
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq >&2 && apt-get install -y -qq chromium fonts-dejavu-core >&2
else
  sudo apt-get update -qq >&2 && sudo apt-get install -y -qq chromium fonts-dejavu-core >&2
fi
