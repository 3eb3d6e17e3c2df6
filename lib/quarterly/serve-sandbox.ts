import 'server-only'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Sandbox } from '@/lib/sandbox/sandbox'

export type ServedSandbox = {
  /** Where BigID's API starts: the origin plus the sandbox's /sandbox. */
  readonly baseUrl: string
  /** Method and path (with query) of every request, in order. */
  readonly requests: string[]
  close(): Promise<void>
}

/** Serves an in-process sandbox on 127.0.0.1, port 0, for script tests. */
export async function serveSandbox(sandbox: Sandbox): Promise<ServedSandbox> {
  const requests: string[] = []
  let origin = ''
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', async () => {
      const method = incoming.method ?? 'GET'
      requests.push(`${method} ${incoming.url ?? ''}`)
      const headers = new Headers()
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (typeof value === 'string') headers.set(name, value)
      }
      const hasBody = method !== 'GET' && method !== 'HEAD'
      const response = await sandbox(
        new Request(`${origin}${incoming.url ?? '/'}`, {
          method,
          headers,
          body: hasBody ? Buffer.concat(chunks) : undefined,
        }),
      )
      outgoing.writeHead(
        response.status,
        [...response.headers.entries()].flat(),
      )
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  return {
    baseUrl: `${origin}/sandbox`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
