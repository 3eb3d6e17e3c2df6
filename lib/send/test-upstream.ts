import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the test upstream received, as it arrived. */
export interface ReceivedRequest {
  readonly method: string
  readonly url: string
  /** Raw header pairs, original case, in order. */
  readonly headers: [string, string][]
  readonly body: string
}

export interface Upstream {
  readonly origin: string
  readonly port: number
  readonly received: ReceivedRequest[]
  /** How many requests reached each path (query left out). */
  hitsOn(path: string): number
  close(): Promise<void>
}

export type UpstreamHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
) => void

/** An HTTP server on 127.0.0.1, port 0, for one test file. */
export async function startUpstream(
  handler: UpstreamHandler,
): Promise<Upstream> {
  const received: ReceivedRequest[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: pairUp(request.rawHeaders),
        body,
      })
      handler(request, response, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    hitsOn: (path) =>
      received.filter((request) => request.url.split('?')[0] === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A loopback port that was just bound and released: nothing listens. */
export async function findClosedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function pairUp(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = []
  for (let index = 0; index + 1 < raw.length; index += 2) {
    pairs.push([raw[index] ?? '', raw[index + 1] ?? ''])
  }
  return pairs
}
