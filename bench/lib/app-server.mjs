// The production build, served the way scripts/start.mjs serves it (with
// its Node flags), but started here directly so the bench knows the
// server's own pid (for RSS) and can pass more Node flags (for a CPU
// profile).
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs'
import path from 'node:path'
import { SERVER_NODE_FLAGS } from '../../scripts/server-node-flags.mjs'
import { findFreePort, startNode } from './processes.mjs'

const SOURCE_DIRS = ['app', 'components', 'lib', 'content']
const SOURCE_FILES = ['next.config.mjs', 'package.json', 'instrumentation.ts']

/**
 * Builds when there is no build (or when asked), and says when the sources
 * changed after the last one. Returns the build id.
 */
export function ensureBuild(root, { force }) {
  const server = path.join(root, '.next', 'standalone', 'server.js')
  const buildIdFile = path.join(root, '.next', 'BUILD_ID')
  if (force || !existsSync(server) || !existsSync(buildIdFile)) {
    console.log(force ? 'Building (--build)…' : 'No build found: building…')
    const result = spawnSync('npm', ['run', 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    })
    if (result.status !== 0) throw new Error('npm run build failed')
  }

  const builtAt = statSync(buildIdFile).mtimeMs
  const newest = findNewestSource(root)
  const isStale = newest.mtimeMs > builtAt
  if (isStale) {
    console.warn(
      `Warning: ${newest.file} changed after the last build; ` +
        'the bench measures the old build. Run with --build to rebuild.',
    )
  }
  return {
    buildId: readFileSync(buildIdFile, 'utf8').trim(),
    builtAt: new Date(builtAt).toISOString(),
    isStale,
  }
}

function findNewestSource(root) {
  let newest = { file: '', mtimeMs: 0 }
  const visit = (file) => {
    const stat = statSync(file)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) visit(path.join(file, entry))
    } else if (stat.mtimeMs > newest.mtimeMs && !/\.test\.tsx?$/.test(file)) {
      newest = { file: path.relative(root, file), mtimeMs: stat.mtimeMs }
    }
  }
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) {
    const file = path.join(root, name)
    if (existsSync(file)) visit(file)
  }
  return newest
}

/** What scripts/start.mjs does before it starts the server. */
export function prepareStandalone(root) {
  const standalone = path.join(root, '.next', 'standalone')
  cpSync(
    path.join(root, '.next', 'static'),
    path.join(standalone, '.next', 'static'),
    { recursive: true },
  )
  if (existsSync(path.join(root, 'public'))) {
    cpSync(path.join(root, 'public'), path.join(standalone, 'public'), {
      recursive: true,
    })
  }
}

/**
 * One production server on a free loopback port. `env` adds settings;
 * the send route's rate limit is always off, since the bench is the only
 * caller and would trip it.
 */
export async function startApp(
  root,
  { name, env = {}, nodeArgs = [], logDir },
) {
  const port = await findFreePort()
  const standalone = path.join(root, '.next', 'standalone')
  return startNode({
    name,
    args: [
      ...SERVER_NODE_FLAGS,
      ...nodeArgs,
      path.join(standalone, 'server.js'),
    ],
    cwd: standalone,
    port,
    logDir,
    readyPath: '/lessons',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      HOSTNAME: '127.0.0.1',
      PORT: String(port),
      SANDBOX_EXTRA_SOURCES: '0',
      SEND_RATE_LIMIT: '0',
      // Inherited settings that would point the app elsewhere are cleared.
      SEND_ALLOWED_ORIGINS: '',
      SANDBOX_INTERNAL_ORIGIN: '',
      PUBLIC_ORIGIN: '',
      REDIS_URL: '',
      ...env,
    },
  })
}
