import { existsSync } from 'node:fs';

/** Where the system Chromium is: CHROME_PATH, else Debian's /usr/bin/chromium. Throws with a way to get one. */
export function findChrome(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
        'or set CHROME_PATH to a Chrome or Chromium binary. Checked: ' + candidates.join(', '),
    );
  }
  return found;
}
