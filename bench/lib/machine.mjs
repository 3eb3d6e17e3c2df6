// What the numbers were measured on.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

export function describeMachine(root, browserVersion) {
  const require = createRequire(path.join(root, 'package.json'))
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: browserVersion,
    next: require('next/package.json').version,
    commit: readCommit(root),
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  }
}

function readCommit(root) {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    try {
      return readFileSync(path.join(root, '.git', 'HEAD'), 'utf8').trim()
    } catch {
      return 'unknown'
    }
  }
}
