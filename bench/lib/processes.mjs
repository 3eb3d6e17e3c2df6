// Child processes the bench starts itself, on loopback ports 3600-3690,
// and stops again, by their own pid only.
import { spawn } from 'node:child_process'
import { openSync, readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'

const HOST = '127.0.0.1'
const FIRST_PORT = 3600
const LAST_PORT = 3690
const started = new Set()
let nextPort = FIRST_PORT

export async function findFreePort() {
  for (let tries = 0; tries <= LAST_PORT - FIRST_PORT; tries++) {
    const port = nextPort
    nextPort = port >= LAST_PORT ? FIRST_PORT : port + 1
    if (await isPortFree(port)) return port
  }
  throw new Error(`No free port on ${HOST} from ${FIRST_PORT} to ${LAST_PORT}`)
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, HOST, () => probe.close(() => resolve(true)))
  })
}

/**
 * Starts `node ...args` with its output in `logDir/name.log`, waits until
 * `readyPath` answers at all, and hands back a handle that can stop it.
 */
export async function startNode({
  name,
  args,
  cwd,
  env,
  port,
  logDir,
  readyPath = '/',
  readyTimeoutMs = 60_000,
}) {
  const logFile = path.join(logDir, `${name}.log`)
  const log = openSync(logFile, 'a')
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    stdio: ['ignore', log, log],
  })
  started.add(child)
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      started.delete(child)
      resolve({ code, signal })
    })
  })

  const origin = `http://${HOST}:${port}`
  const handle = {
    name,
    pid: child.pid,
    port,
    origin,
    logFile,
    exited,
    readRssBytes: () => readRssBytes(child.pid),
    stop: () => stopChild(child, exited),
  }
  await waitForHttp(`${origin}${readyPath}`, readyTimeoutMs, exited, logFile)
  return handle
}

async function waitForHttp(url, timeoutMs, exited, logFile) {
  const deadline = Date.now() + timeoutMs
  let hasExited = false
  exited.then(() => {
    hasExited = true
  })
  while (Date.now() < deadline) {
    if (hasExited) {
      throw new Error(`${url} exited before it was ready; see ${logFile}`)
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await response.arrayBuffer()
      return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} was not ready after ${timeoutMs} ms; see ${logFile}`)
}

async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return exited
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  const result = await exited
  clearTimeout(timer)
  return result
}

/** Stops whatever this process started and is still running. */
export async function stopAll() {
  await Promise.all(
    [...started].map((child) => {
      child.kill('SIGTERM')
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
      })
    }),
  )
}

export function killAllNow() {
  for (const child of started) child.kill('SIGKILL')
}

/** Resident set size from /proc (Linux). */
export function readRssBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!match) throw new Error(`No VmRSS for pid ${pid}`)
  return Number(match[1]) * 1024
}
