import 'server-only'
import { createHash, timingSafeEqual } from 'node:crypto'
import { trainingPermissions } from './seed'

export type SandboxUser = {
  readonly username: string
  readonly password: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly isAdmin: boolean
  readonly roleIds: readonly string[]
  readonly permissions: readonly string[]
}

/** Not a recorded id: BigID's real role ids are not public. */
export const adminRoleId = '5d9d6a3c1fc2930013a5b0e1'

/** The credentials BigID publishes for its training sandbox. */
export const trainingUser: SandboxUser = {
  username: 'bigid',
  password: 'learner',
  firstName: 'BigID Admin',
  lastName: '',
  email: '',
  isAdmin: true,
  roleIds: [adminRoleId],
  permissions: trainingPermissions,
}

/**
 * A user from `SANDBOX_USERS`. They play the same admin role as the
 * training user, so every lesson works for them too.
 */
export function createConfiguredUser(
  username: string,
  password: string,
): SandboxUser {
  return { ...trainingUser, username, password, firstName: username }
}

export type UserListResult =
  | { readonly ok: true; readonly users: readonly SandboxUser[] }
  | { readonly ok: false; readonly problems: readonly string[] }

const usernamePattern = /^[A-Za-z0-9._@-]{1,64}$/

/**
 * Parses `name:password,name:password`. Problems name the entry by position
 * only: an entry with a missing colon may hold a password in its first half.
 */
export function parseUserList(
  text: string,
  reserved: readonly string[] = [trainingUser.username],
): UserListResult {
  const users: SandboxUser[] = []
  const problems: string[] = []
  const seen = new Set(reserved)

  const entries = text.trim() === '' ? [] : text.split(',')
  entries.forEach((rawEntry, index) => {
    const entry = rawEntry.trim()
    const position = `entry ${index + 1}`
    const colon = entry.indexOf(':')
    if (colon < 0) {
      problems.push(`${position} has no ":" between username and password.`)
      return
    }

    const username = entry.slice(0, colon)
    const password = entry.slice(colon + 1)
    if (!usernamePattern.test(username)) {
      problems.push(
        `${position} needs a username of 1 to 64 letters, digits or . _ @ -.`,
      )
    } else if (seen.has(username)) {
      problems.push(`${position} repeats a username that is already taken.`)
    } else if (password === '') {
      problems.push(`${position} has an empty password.`)
    } else {
      seen.add(username)
      users.push(createConfiguredUser(username, password))
    }
  })

  return problems.length > 0 ? { ok: false, problems } : { ok: true, users }
}

export type UserDirectory = {
  readonly usernames: readonly string[]
  find(username: string): SandboxUser | undefined
  authenticate(username: unknown, password: unknown): SandboxUser | undefined
}

export function createUserDirectory(
  users: readonly SandboxUser[],
): UserDirectory {
  const byName = new Map(users.map((user) => [user.username, user]))

  return {
    usernames: users.map((user) => user.username),
    find: (username) => byName.get(username),
    authenticate(username, password) {
      if (typeof username !== 'string' || typeof password !== 'string') {
        return undefined
      }
      const user = byName.get(username)
      if (user === undefined) return undefined
      return isSameSecret(password, user.password) ? user : undefined
    },
  }
}

function isSameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
