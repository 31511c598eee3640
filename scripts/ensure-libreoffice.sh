#!/usr/bin/env bash
# Make sure LibreOffice (Debian's libreoffice-writer, headless `soffice`) is installed for the
# Word and PDF import/export tests (test/office/**): they convert hand-written sources into real
# .docx and .pdf files, and exported .docx back to flat ODT. Installs with apt-get when missing;
# does nothing when present. Needs root (or sudo) to install. Exit 0 when soffice is (now) there.
set -euo pipefail

if command -v soffice >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-libreoffice: soffice missing and not root (no sudo): cannot install" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# Writer alone (no Java, no GUI recommends); fonts-liberation gives Times-metric fonts for layout.
$SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation >/dev/null \
  || $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer fonts-liberation >/dev/null

if ! command -v soffice >/dev/null 2>&1; then
  echo "ensure-libreoffice: apt-get finished but soffice is still missing" >&2
  exit 1
fi
echo "ensure-libreoffice: installed $(soffice --version 2>/dev/null | head -1 || echo libreoffice)"
