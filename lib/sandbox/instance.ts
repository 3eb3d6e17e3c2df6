import 'server-only'
import type { SandboxConfig } from './config'
import { createSandbox, type Sandbox } from './sandbox'
import { readSettings } from './settings'

type Instance = { readonly config: SandboxConfig; readonly sandbox: Sandbox }

const instanceKey = Symbol.for('bigid-api-playground.sandbox')

type Holder = typeof globalThis & { [instanceKey]?: Instance }

/**
 * The app's one sandbox, built from the environment on first use. It lives
 * on globalThis because Next loads route and page modules into separate
 * module graphs (and reloads them in development); separate instances would
 * each draw their own random secret and refuse each other's tokens.
 */
function getInstance(): Instance {
  const holder: Holder = globalThis
  if (holder[instanceKey] === undefined) {
    const config = readSettings(process.env)
    holder[instanceKey] = { config, sandbox: createSandbox(config) }
  }
  return holder[instanceKey]
}

export function getSandbox(): Sandbox {
  return getInstance().sandbox
}

/** For the Access Management screen's user picker. */
export function listSandboxUsernames(): readonly string[] {
  return getInstance().config.users.map((user) => user.username)
}
