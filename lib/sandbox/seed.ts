import 'server-only'
import { z } from 'zod'
import type { DsConnection } from '@/lib/bigid/ds-connection'
import { dsConnectionsEnvelopeSchema } from '@/lib/bigid/ds-connections'
import { sessionSuccessSchema } from '@/lib/bigid/sessions'
import recordedList from './data/ds-connections.json'
import recordedSession from './data/sessions-success.json'

/**
 * Checks a recorded body against its schema but returns the original: zod's
 * parsed copy writes known keys first, and the recorded key order is part
 * of what the sandbox reproduces.
 */
function checkRecorded<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  file: string,
): z.output<Schema> {
  const result = schema.safeParse(value)
  if (!result.success) {
    const detail = z.prettifyError(result.error)
    throw new Error(`${file} no longer matches its schema:\n${detail}`)
  }
  return value as z.output<Schema>
}

/** The 20 recorded training sources, in ascending `updated_at` order. */
export const seedConnections: readonly DsConnection[] = checkRecorded(
  dsConnectionsEnvelopeSchema,
  recordedList,
  'data/ds-connections.json',
).data.ds_connections

/** The 353 recorded permissions of the training user, `admin` first. */
export const trainingPermissions: readonly string[] = checkRecorded(
  sessionSuccessSchema,
  recordedSession,
  'data/sessions-success.json',
).permissions
