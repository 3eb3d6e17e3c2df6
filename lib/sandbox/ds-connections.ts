import 'server-only'
import { checkAccess } from './authorization'
import type { CatalogueEntry } from './catalogue'
import type { SandboxContext } from './context'
import { compareByKeys, matchesCondition } from './list-match'
import { type ListQuery, parseListQuery } from './list-query'
import { jsonReply, type Reply } from './wire'

/**
 * `GET /api/v1/ds-connections`: filter, then sort, then page. `totalCount`
 * counts every match, not the page.
 */
export async function listDsConnections(
  request: Request,
  context: SandboxContext,
): Promise<Reply> {
  const access = await checkAccess(request, context)
  if (!access.ok) return access.reply

  const parsed = parseListQuery(new URL(request.url).searchParams)
  if (!parsed.ok) {
    return jsonReply(400, {
      status: 'error',
      statusCode: 400,
      message: parsed.message,
    })
  }

  const matches = selectEntries(context.catalogue.entries, parsed.query)
  const { skip, limit } = parsed.query
  const page = matches.slice(
    skip,
    limit === undefined ? undefined : skip + limit,
  )

  // Joined from pre-serialised entries; the keys are in the recorded order.
  const list = page.map((entry) => entry.json).join(',')
  const body =
    `{"status":"success","statusCode":200,"data":{"ds_connections":[${list}],` +
    `"totalCount":${matches.length}},"message":null}`
  return { status: 200, body }
}

function selectEntries(
  entries: readonly CatalogueEntry[],
  query: ListQuery,
): readonly CatalogueEntry[] {
  const { conditions, sort } = query
  const matches =
    conditions.length === 0
      ? entries
      : entries.filter((entry) =>
          conditions.every((condition) =>
            matchesCondition(entry.connection, condition),
          ),
        )
  if (sort.length === 0) return matches

  const compare = compareByKeys(sort)
  return [...matches].sort((a, b) => compare(a.connection, b.connection))
}
