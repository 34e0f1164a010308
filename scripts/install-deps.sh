#!/bin/sh
# Installs the Debian packages tidings builds and tests with, when they are missing; packages
# named as arguments are wanted too (the fuzz targets ask for clang this way).
# For make install and its tests: pkg-config, the manual (man-db, groff-base), bash completion, pytest.
INSTALL_PKGS="pkg-config man-db groff-base bash-completion python3 python3-pytest"
set -e
PKGS="gcc make libc6-dev libstemmer-dev libutf8proc-dev libjansson-dev libxml2-dev zlib1g-dev g++ libcmocka-dev wordnet-base libglpk-dev libsqlite3-dev libxxhash-dev chromium libmicrohttpd-dev libltdl-dev curl $*"
# the browser test (make browser) runs npm's playwright-core on node; any node >= 18 will do
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
missing=""
for p in $PKGS $INSTALL_PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "tidings: installing Debian packages:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
        echo "tidings: missing packages:$missing (run as root: apt-get install$missing)" >&2; exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
