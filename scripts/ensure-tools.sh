#!/bin/sh
# Install the Debian tools the project needs when they are missing.
#   poppler     -> pdftotext, pdftoppm (PDF tests, page previews)
#   libreoffice -> headless LibreOffice Calc (template round-trip tests)
#   harfbuzz    -> HarfBuzz font subsetting, which WeasyPrint uses for embedded fonts
#   chromium    -> Debian's Chromium, driven by Playwright in the HTML and chart tests (never `playwright install`)
#   java        -> a Java runtime for the Nu HTML Checker (vnu.jar)
#   web         -> the pinned validators of tests/web (vnu-jar, axe-core, lighthouse): npm ci, scripts not run
set -e
need=""
web=""
for tool in "$@"; do
  case "$tool" in
    poppler) command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils" ;;
    libreoffice) command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || need="$need libreoffice-calc-nogui" ;;
    harfbuzz) ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || need="$need libharfbuzz-subset0" ;;
    chromium) test -x /usr/bin/chromium || need="$need chromium" ;;
    java) command -v java >/dev/null 2>&1 || need="$need default-jre-headless" ;;
    web) command -v npm >/dev/null 2>&1 || need="$need nodejs npm"; web=1 ;;
    *) echo "ensure-tools: unknown tool '$tool'" >&2; exit 2 ;;
  esac
done
web_tools() {  # after the Debian packages: npm ci of tests/web when its lock changed or nothing is installed
  [ -n "$web" ] || return 0
  dir="$(dirname "$0")/../tests/web"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "ensure-tools: npm ci in tests/web"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null 2>&1) \
      || echo "ensure-tools: could not install the web validators; the tests that need them are skipped" >&2
  fi
}
[ -z "$need" ] && { web_tools; exit 0; }
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
  echo "ensure-tools: missing$need and no root to install it; the tests that need it are skipped" >&2; exit 0
fi
echo "ensure-tools: installing$need"
$SUDO apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null 2>&1 \
  || echo "ensure-tools: could not install$need; the tests that need it are skipped" >&2
web_tools
