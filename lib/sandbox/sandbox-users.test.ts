import { describe, expect, it } from 'vitest'
import { createTestSandbox, get } from './testing'
import { createConfiguredUser, trainingUser } from './users'

describe('sandbox-users', () => {
  it('lists usernames in order, and never a password', async () => {
    const { sandbox } = createTestSandbox({
      users: [trainingUser, createConfiguredUser('alice', 'secret')],
    })
    const response = await sandbox(get('/api/sandbox/users'))
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toBe('{"users":["bigid","alice"]}')
    expect(text).not.toContain('secret')
  })
})
