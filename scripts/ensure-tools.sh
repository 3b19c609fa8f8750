#!/bin/sh
# Install the Debian tools the project needs when they are missing.
#   poppler     -> pdftotext, pdftoppm (PDF tests, page previews)
#   libreoffice -> headless LibreOffice Calc (template round-trip tests)
#   harfbuzz    -> HarfBuzz font subsetting, which WeasyPrint uses for embedded fonts
#   chromium    -> Debian's Chromium, which Playwright drives in the portal's browser tests
set -e
need=""
for tool in "$@"; do
  case "$tool" in
    poppler) command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils" ;;
    libreoffice) command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || need="$need libreoffice-calc-nogui" ;;
    harfbuzz) ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || need="$need libharfbuzz-subset0" ;;
    chromium) command -v chromium >/dev/null 2>&1 || need="$need chromium" ;;
    *) echo "ensure-tools: unknown tool '$tool'" >&2; exit 2 ;;
  esac
done
[ -z "$need" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
  echo "ensure-tools: missing$need and no root to install it; the tests that need it are skipped" >&2; exit 0
fi
echo "ensure-tools: installing$need"
$SUDO apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null 2>&1 \
  || echo "ensure-tools: could not install$need; the tests that need it are skipped" >&2
