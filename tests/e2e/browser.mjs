// How the tests start Debian's Chromium: headless, no sandbox (root in CI), no background
// networking (the machine's closed network refuses it), never a downloaded browser.
export const launchOptions = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-quic', '--no-first-run', '--disable-sync'],
};
