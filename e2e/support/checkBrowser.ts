import fs from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser downloads are not available here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails the e2e run at once, saying what to install, when Chromium is missing. */
export default function checkBrowser(): void {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install Debian's package ` +
        '(apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
}
