#!/usr/bin/env bash
# Prints the path of a Chromium that Playwright can drive, or explains how to get one and exits 1.
set -u
if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; exit 0; fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2; exit 1
fi
# Debian's wrapper script prints a harmless warning on every start; the real binary behind it does not.
for candidate in /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable; do
  if [ -x "$candidate" ]; then echo "$candidate"; exit 0; fi
done
# Playwright's own browser, where `npx playwright install chromium` could download it.
bundled=$(node -e 'try{const p=require("playwright-core").chromium.executablePath();if(require("fs").existsSync(p))console.log(p)}catch{}' 2>/dev/null)
if [ -n "$bundled" ]; then echo "$bundled"; exit 0; fi
cat >&2 <<'MSG'
No Chromium found for the end-to-end tests. Do one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium fonts-wqy-microhei
  - with internet:  npx playwright install chromium
  - or point CHROMIUM_PATH at a Chromium/Chrome binary.
MSG
exit 1
