// JSON Schemas of the request bodies the lessons send, for completion and
// checking in the body editor. Only what the notes on the real API are
// sure of is required.
const sessionsBody = {
  type: 'object',
  title: 'POST /api/v1/sessions',
  properties: {
    username: {
      type: 'string',
      description: 'The BigID user to sign in as. The sandbox: "bigid".',
    },
    password: {
      type: 'string',
      description: 'That user\'s password. The sandbox: "learner".',
    },
  },
  required: ['username', 'password'],
} as const

const userTokensBody = {
  type: 'object',
  title: "POST /api/sandbox/user-tokens (the sandbox's own)",
  properties: {
    username: { type: 'string', description: 'A sandbox user.' },
    days: {
      type: 'integer',
      minimum: 1,
      maximum: 999,
      description: 'How long the user token lives, 1 to 999 days.',
    },
  },
  required: ['username', 'days'],
} as const

export function requestBodySchemaFor(url: string): object | undefined {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return undefined
  }
  if (/\/api\/v1\/sessions\/?$/.test(path)) return sessionsBody
  if (/\/api\/sandbox\/user-tokens\/?$/.test(path)) return userTokensBody
  return undefined
}
