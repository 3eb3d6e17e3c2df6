import { z } from 'zod'

// What a lesson step declares success to be. `json` maps dotted paths in
// the response body to a value it must equal, or to a kind in angle
// brackets: "<jwt>", "<array>", "<object>", "<string>", "<number>",
// "<boolean>", "<present>".
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

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
)

export const expectationSchema = z.strictObject({
  status: z.number().int().min(100).max(599).default(200),
  json: z
    .record(z.string().regex(/^[\w$-]+(\.[\w$-]+)*$/), jsonValue)
    .default({}),
})

export type Expectation = z.infer<typeof expectationSchema>

export type Expected = { kind: 'equal'; value: unknown } | { kind: ValueKind }

export function readExpected(value: unknown): Expected {
  if (typeof value === 'string') {
    const match = /^<(\w+)>$/.exec(value)
    const kind = valueKinds.find((known) => known === match?.[1])
    if (kind) return { kind }
  }
  return { kind: 'equal', value }
}
