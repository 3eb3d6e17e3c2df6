// Where the CPU goes: logins behind Next and on bare node:http, and Sends
// through /api/send. Each server is freshly started with the inspector on
// and profiled only while it is loaded.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { startApp } from '../lib/app-server.mjs'
import { summariseCpuProfile } from '../lib/cpu-profile.mjs'
import { profileDuring } from '../lib/inspector.mjs'
import { findFreePort } from '../lib/processes.mjs'
import { loadLoginsForProfile, loadSendsForProfile } from './throughput.mjs'

export async function profileServers({ root, logDir, startBareSandbox }) {
  const seconds = 6
  const profileOne = async (name, start, load) => {
    const inspectPort = await findFreePort()
    const server = await start([`--inspect=127.0.0.1:${inspectPort}`])
    try {
      await load(server.origin, 1)
      const { profile, result } = await profileDuring(inspectPort, () =>
        load(server.origin, seconds),
      )
      const file = path.join(logDir, `${name}.cpuprofile`)
      writeFileSync(file, JSON.stringify(profile))
      return {
        file,
        requestsPerSecondUnderProfiler: Math.round(result.requestsPerSecond),
        ...summariseCpuProfile(file, { categorise: categoriseServerFrame }),
      }
    } finally {
      await server.stop()
    }
  }

  const startNext = (nodeArgs) =>
    startApp(root, { name: 'app-profiled', logDir, nodeArgs })
  const nextLogins = await profileOne(
    'next-logins',
    startNext,
    loadLoginsForProfile,
  )
  const bareLogins = await profileOne(
    'bare-logins',
    startBareSandbox,
    loadLoginsForProfile,
  )
  const nextSends = await profileOne(
    'next-sends',
    startNext,
    loadSendsForProfile,
  )
  return { rows: [], detail: { nextLogins, bareLogins, nextSends } }
}

export function categoriseServerFrame({ functionName, url }) {
  if (functionName === '(garbage collector)') return 'GC'
  if (functionName === '(program)') return 'native, outside JS (program)'
  if (!url) return 'native (V8 builtins, C++)'
  if (url.includes('/node_modules/next/')) return 'Next.js server'
  if (url.includes('/node_modules/react')) return 'React server'
  if (url.includes('lib_sandbox') || url.includes('sandbox.bundle')) {
    return 'sandbox code + jose'
  }
  if (url.includes('/.next/server/')) return 'app bundle (routes, packages)'
  if (url.includes('crypto/') || url.includes('node:crypto')) {
    return 'Node crypto (WebCrypto HMAC for jose)'
  }
  if (url.includes('async_hooks')) return 'async_hooks (AsyncLocalStorage)'
  if (url.includes('webstreams') || url.includes('undici')) {
    return 'Node web streams, Request/Response'
  }
  if (url.startsWith('node:') || !url.includes('/'))
    return 'Node core (http, net)'
  return 'other'
}
