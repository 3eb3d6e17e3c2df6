// What a lesson step declares success to be, as the browser reads it. The
// schema in expectation.ts checks the same shape when lessons are built;
// this module stays free of zod so the lesson page does not ship it.
export const valueKinds = [
  'jwt',
  'array',
  'object',
  'string',
  'number',
  'boolean',
  'present',
] as const

export type ValueKind = (typeof valueKinds)[number]

// `json` maps dotted paths in the response body to a value it must equal,
// or to a kind in angle brackets: "<jwt>", "<array>" and so on.
export type Expectation = { status: number; json: Record<string, unknown> }

export type Expected = { kind: 'equal'; value: unknown } | { kind: ValueKind }

export function readExpected(value: unknown): Expected {
  if (typeof value === 'string') {
    const match = /^<(\w+)>$/.exec(value)
    const kind = valueKinds.find((known) => known === match?.[1])
    if (kind) return { kind }
  }
  return { kind: 'equal', value }
}

// The build has checked every lesson's success prop; this only fills the
// defaults and refuses what is plainly not the shape.
export function readExpectation(value: unknown): Expectation | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return undefined
  }
  const { status = 200, json = {} } = value as Record<string, unknown>
  if (typeof status !== 'number' || !Number.isInteger(status)) return undefined
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return undefined
  }
  return { status, json: json as Record<string, unknown> }
}
