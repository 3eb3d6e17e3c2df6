// Starts the production build: the standalone server Next wrote, with the
// static files it expects beside it.
import { spawn } from 'node:child_process'
import { cpSync, existsSync } from 'node:fs'
import path from 'node:path'
import { SERVER_NODE_FLAGS } from './server-node-flags.mjs'

const root = path.resolve(import.meta.dirname, '..')
const standalone = path.join(root, '.next', 'standalone')
const server = path.join(standalone, 'server.js')

if (!existsSync(server)) {
  console.error(
    'No production build found. Run `npm run build` first, or use ' +
      '`npm ci && npm run build && npm start`.',
  )
  process.exit(1)
}

cpSync(
  path.join(root, '.next', 'static'),
  path.join(standalone, '.next', 'static'),
  {
    recursive: true,
  },
)
if (existsSync(path.join(root, 'public'))) {
  cpSync(path.join(root, 'public'), path.join(standalone, 'public'), {
    recursive: true,
  })
}

// Shells and containers often set HOSTNAME to the machine's name, which
// the standalone server would bind to; HOST is ours and defaults to
// loopback, so a newcomer's playground is not open to the network.
const host = process.env.HOST || '127.0.0.1'
const port = process.env.PORT || '3000'
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, server], {
  cwd: standalone,
  stdio: 'inherit',
  env: {
    ...process.env,
    HOSTNAME: host,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: '1',
  },
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0))
})
