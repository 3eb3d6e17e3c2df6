import { describe, expect, it } from 'vitest'
import { dropPasswords } from './secrets'

const lesson = '{\n  "username": "bigid",\n  "password": "learner"\n}'

describe('dropPasswords', () => {
  it('keeps the password the lesson wrote', () => {
    expect(dropPasswords(lesson, lesson)).toEqual({
      body: lesson,
      isDropped: false,
    })
  })

  it('drops a password the learner typed', () => {
    const typed = '{"username": "alice", "password": "s3cr\\"et"}'
    expect(dropPasswords(typed, lesson)).toEqual({
      body: '{"username": "alice", "password": ""}',
      isDropped: true,
    })
  })

  it('catches any field whose name holds password', () => {
    const typed = '{"newPassword":"x1","PASSWORD": "y2"}'
    expect(dropPasswords(typed, lesson).body).toBe(
      '{"newPassword":"","PASSWORD": ""}',
    )
  })

  it('leaves bodies without passwords alone', () => {
    expect(dropPasswords('{"a":1}', lesson)).toEqual({
      body: '{"a":1}',
      isDropped: false,
    })
  })
})
