#!/bin/sh
# Install what the browser tests and quality gates need from Debian, only where missing:
# Chromium, a small CJK font (so that screenshots show Chinese), and Java for the Nu Html Checker.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
fc-list 2>/dev/null | grep -qi -e "wenquanyi" -e "noto sans cjk" || missing="$missing fonts-wqy-microhei"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "installing:$missing"
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
