import { z } from 'zod'

// The build-time schema of a step's success prop; see expected.ts for the
// shape and the kinds.
export const jsonValue: z.ZodType<unknown> = z.lazy(() =>
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

export type ParsedExpectation = z.infer<typeof expectationSchema>
