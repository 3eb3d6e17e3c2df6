import { z } from 'zod'
import { dsConnectionSchema } from './ds-connection'

/** The reply to `GET /api/v1/ds-connections`, keys in the recorded order. */
export const dsConnectionsEnvelopeSchema = z.object({
  status: z.literal('success'),
  statusCode: z.literal(200),
  data: z.object({
    ds_connections: z.array(dsConnectionSchema),
    totalCount: z.number().int().nonnegative(),
  }),
  message: z.null(),
})

export type DsConnectionsEnvelope = z.infer<typeof dsConnectionsEnvelopeSchema>

/**
 * How the sandbox refuses a bad list query or an unknown name. BigID's own
 * error body for these is not public; this shape is the sandbox's choice.
 */
export const envelopeErrorSchema = z.object({
  status: z.literal('error'),
  statusCode: z.number().int(),
  message: z.string(),
})

export type EnvelopeError = z.infer<typeof envelopeErrorSchema>

/** The reply to the legacy `GET /api/v1/ds_connections`: no envelope. */
export const legacyDsConnectionsSchema = z.object({
  ds_connections: z.array(dsConnectionSchema),
})

export type LegacyDsConnections = z.infer<typeof legacyDsConnectionsSchema>

export const filterOperators = ['equal', 'equals', 'in'] as const

export type FilterOperator = (typeof filterOperators)[number]

/** One element of the URL-encoded JSON array in the `filter` parameter. */
export type DsConnectionsFilter = {
  field: string
  value: unknown
  operator: FilterOperator
}

export const sortOrders = ['asc', 'desc'] as const

export type SortOrder = (typeof sortOrders)[number]

/** One element of the URL-encoded JSON array in the `sort` parameter. */
export type DsConnectionsSort = { field: string; order: SortOrder }
