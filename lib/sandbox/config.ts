import type { SandboxUser } from './users'

/** Milliseconds since the epoch; injectable so expiry tests need no sleep. */
export type Clock = () => number

export type SandboxConfig = {
  /** Everyone who can sign in, the training user included. */
  readonly users: readonly SandboxUser[]
  readonly jwtSecret: Uint8Array
  readonly isBearerAccepted: boolean
  readonly isSampleAccepted: boolean
  /** How many generated sources follow the 20 recorded ones. */
  readonly extraSources: number
  /** Where the app mounts the sandbox; BigID's paths follow it. */
  readonly basePath?: string
  readonly clock?: Clock
}

export const defaultBasePath = '/sandbox'
