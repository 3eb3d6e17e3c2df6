import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as it reached the echo server, before any decoding. */
export type EchoedRequest = {
  readonly method: string
  /** Path and query exactly as on the request line. */
  readonly target: string
  /** Header pairs in the order received, names as sent. */
  readonly headers: [string, string][]
  readonly body: Buffer
}

export type EchoServer = {
  readonly origin: string
  readonly received: EchoedRequest[]
  close(): Promise<void>
}

/** A loopback HTTP server, port 0, that records and answers `{"ok":true}`. */
export async function startEchoServer(): Promise<EchoServer> {
  const received: EchoedRequest[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        target: request.url ?? '',
        headers: pairUp(request.rawHeaders),
        body: Buffer.concat(chunks),
      })
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"ok":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function pairUp(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = []
  for (let index = 0; index + 1 < raw.length; index += 2) {
    pairs.push([raw[index] ?? '', raw[index + 1] ?? ''])
  }
  return pairs
}
