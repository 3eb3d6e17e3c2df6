// The browser tests use the system's Chromium (Playwright cannot download
// its own here). Finds it, installs Debian's package when it can, or says
// what to install.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter(Boolean)

const found = candidates.find((file) => existsSync(file))
if (found) {
  console.log(`Browser tests use ${found}.`)
  process.exit(0)
}

const isRoot = process.getuid?.() === 0
const hasApt = existsSync('/usr/bin/apt-get')
if (!isRoot || !hasApt) {
  console.error(
    "No Chromium found for the browser tests. Install Debian's package " +
      '(sudo apt-get install -y chromium) or set CHROMIUM_PATH to a ' +
      'Chromium or Chrome binary, then run the tests again.',
  )
  process.exit(1)
}

console.log("No Chromium found: installing Debian's chromium package…")
const apt = {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
}
execFileSync('apt-get', ['update'], apt)
execFileSync(
  'apt-get',
  ['install', '-y', '--no-install-recommends', 'chromium'],
  apt,
)
if (!existsSync('/usr/bin/chromium')) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.')
  process.exit(1)
}
