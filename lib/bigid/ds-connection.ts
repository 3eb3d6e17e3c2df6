import { z } from 'zod'

export const dsConnectionTagSchema = z.object({
  tagId: z.string(),
  valueId: z.string(),
  tagName: z.string(),
  tagValue: z.string(),
})

export type DsConnectionTag = z.infer<typeof dsConnectionTagSchema>

export const connectionStatusSchema = z.object({
  is_success: z.boolean(),
  last_connection: z.string(),
})

const isoMillisecondsSchema = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

/**
 * One data source connection. The object is sparse and depends on `type`,
 * so unknown keys pass through; only the keys every connection has are
 * required. `enabled` is the string `yes`/`no`, never a boolean.
 */
export const dsConnectionSchema = z
  .looseObject({
    _id: z.string().regex(/^[0-9a-f]{24}$/),
    id: z.string(),
    name: z.string(),
    type: z.string(),
    enabled: z.enum(['yes', 'no']),
    password: z.literal('******'),
    security_tier: z.enum(['1', '2', '3', '4', '5']),
    tags: z.array(dsConnectionTagSchema),
    updated_at: isoMillisecondsSchema,
    created_at: isoMillisecondsSchema.optional(),
    location: z.string().optional(),
    owners_v2: z.array(z.looseObject({ id: z.string() })).optional(),
    custom_fields: z.array(z.unknown()).optional(),
    scanner_group: z.string().optional(),
    last_scan_at: z.number().int().optional(),
    connectionStatusTest: connectionStatusSchema.optional(),
    connectionStatusScan: connectionStatusSchema.optional(),
    scan_is_success: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .refine((connection) => connection.id === connection.name, {
    message: 'id must equal name',
    path: ['id'],
  })

export type DsConnection = z.infer<typeof dsConnectionSchema>

/** The reply to `GET /api/v1/ds_connections/{name}`. */
export const dsConnectionReplySchema = z.object({
  ds_connection: dsConnectionSchema,
})

export type DsConnectionReply = z.infer<typeof dsConnectionReplySchema>
