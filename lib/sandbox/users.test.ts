import { describe, expect, it } from 'vitest'
import {
  createConfiguredUser,
  createUserDirectory,
  parseUserList,
  trainingUser,
} from './users'

describe('users', () => {
  it('parses name:password pairs, trimming the space around entries', () => {
    const result = parseUserList(' alice:secret , bob:pw2')
    expect(result).toEqual({
      ok: true,
      users: [
        createConfiguredUser('alice', 'secret'),
        createConfiguredUser('bob', 'pw2'),
      ],
    })
  })

  it('keeps colons after the first as part of the password', () => {
    const result = parseUserList('carol:a:b:c')
    expect(result.ok && result.users[0]?.password).toBe('a:b:c')
  })

  it('reads an empty list as no users', () => {
    expect(parseUserList('')).toEqual({ ok: true, users: [] })
    expect(parseUserList('   ')).toEqual({ ok: true, users: [] })
  })

  it('names each bad entry by position only', () => {
    const result = parseUserList(
      'nocolon,:pw,bad name:pw,bigid:x,dave:,erin:a,erin:b',
    )
    expect(result).toEqual({
      ok: false,
      problems: [
        'entry 1 has no ":" between username and password.',
        'entry 2 needs a username of 1 to 64 letters, digits or . _ @ -.',
        'entry 3 needs a username of 1 to 64 letters, digits or . _ @ -.',
        'entry 4 repeats a username that is already taken.',
        'entry 5 has an empty password.',
        'entry 7 repeats a username that is already taken.',
      ],
    })
  })

  it('gives configured users the training role and permissions', () => {
    const alice = createConfiguredUser('alice', 'secret')
    expect(alice.firstName).toBe('alice')
    expect(alice.roleIds).toEqual(trainingUser.roleIds)
    expect(alice.permissions).toHaveLength(353)
  })

  it('authenticates only an exact username and password', () => {
    const directory = createUserDirectory([trainingUser])
    expect(directory.authenticate('bigid', 'learner')).toBe(trainingUser)
    expect(directory.authenticate('bigid', 'Learner')).toBeUndefined()
    expect(directory.authenticate('BIGID', 'learner')).toBeUndefined()
    expect(directory.authenticate('bigid', undefined)).toBeUndefined()
    expect(directory.authenticate(['bigid'], 'learner')).toBeUndefined()
  })

  it('lists usernames and finds a user by name', () => {
    const alice = createConfiguredUser('alice', 'secret')
    const directory = createUserDirectory([trainingUser, alice])
    expect(directory.usernames).toEqual(['bigid', 'alice'])
    expect(directory.find('alice')).toBe(alice)
    expect(directory.find('constructor')).toBeUndefined()
  })
})
