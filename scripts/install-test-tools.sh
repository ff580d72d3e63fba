#!/bin/sh
# Install what the browser tests and quality gates need from Debian, only where missing:
# Chromium, a small CJK font (so that screenshots and test PDFs show Chinese), Java for the Nu Html Checker, Pango
# for WeasyPrint and LibreOffice Writer (both make test PDFs: LibreOffice exports Word documents, as offices do).
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
fc-list 2>/dev/null | grep -qi -e "wenquanyi" -e "noto sans cjk" || missing="$missing fonts-wqy-microhei"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
# WeasyPrint, which typesets the test PDFs, needs Pango
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$missing libpango-1.0-0 libpangoft2-1.0-0"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "installing:$missing"
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
