import path from 'node:path'
import { readRevision } from '@/lib/lessons/revision'

// Development only: lesson pages poll this to reload when content/ changes,
// because the dev server does not watch files it only reads at request
// time. A production build compiles lessons once, so it answers 404.
export const dynamic = 'force-dynamic'

const contentDir = path.join(process.cwd(), 'content')

export async function GET(): Promise<Response> {
  if (process.env.NODE_ENV !== 'development') {
    return new Response('Not found', { status: 404 })
  }
  const revision = await readRevision(contentDir)
  return Response.json(
    { revision },
    { headers: { 'cache-control': 'no-store' } },
  )
}
