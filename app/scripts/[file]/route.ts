import { notFound } from 'next/navigation'
import { readQuarterlyScript } from '@/lib/quarterly/read-script'
import { findQuarterlyScript, quarterlyScripts } from '@/lib/quarterly/scripts'

// The quarterly-review scripts as files to download, written out when the
// app is built.
export const dynamic = 'force-static'
export const dynamicParams = false

export function generateStaticParams() {
  return quarterlyScripts.map((script) => ({ file: script.file }))
}

type Params = { params: Promise<{ file: string }> }

export async function GET(_request: Request, { params }: Params) {
  const script = findQuarterlyScript((await params).file)
  if (!script) notFound()

  return new Response(await readQuarterlyScript(script.file), {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${script.file}"`,
      'x-content-type-options': 'nosniff',
    },
  })
}
