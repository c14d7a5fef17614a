#!/usr/bin/env bash
# Install what the page tests and notebooks need from Debian, where missing:
# chromium + chromium-driver (/usr/bin/chromedriver, driven by selenium; no browser download)
# and fonts-noto-cjk (Chinese labels in pages, screenshots and matplotlib charts).
# Idempotent and quiet: does nothing when all three are installed. Needs root (or sudo).
set -euo pipefail

packages=(chromium chromium-driver fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo -n)
    else
        echo "install-browser: need root to install ${missing[*]}" >&2
        exit 1
    fi
else
    SUDO=()
fi

echo "install-browser: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >/dev/null
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
