import { describe, expect, it } from 'vitest'
import { requestBodySchemaFor } from './request-schemas'

describe('requestBodySchemaFor', () => {
  it('describes the sign-in body, on the sandbox and a real deployment', () => {
    const schema = requestBodySchemaFor(
      'http://127.0.0.1:3000/sandbox/api/v1/sessions',
    )
    expect(schema).toMatchObject({ required: ['username', 'password'] })
    expect(
      requestBodySchemaFor('https://bigid.example.com/api/v1/sessions'),
    ).toBe(schema)
  })

  it('knows no schema for other endpoints or broken URLs', () => {
    expect(
      requestBodySchemaFor('http://h/sandbox/api/v1/ds-connections'),
    ).toBeUndefined()
    expect(requestBodySchemaFor('not a url')).toBeUndefined()
  })
})
