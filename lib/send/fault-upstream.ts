import { randomBytes } from 'node:crypto'
import { createServer, type Socket } from 'node:net'
import zlib from 'node:zlib'

/**
 * A misbehaving HTTP server on 127.0.0.1, port 0, for fault tests. It
 * writes raw bytes, so it can break HTTP in ways node:http never would.
 * Every fault ends by itself: writers stop when the socket closes or
 * after a fixed number of writes.
 */
export interface FaultUpstream {
  readonly origin: string
  /** How many connections were opened, to see that a fault closed one. */
  readonly connections: () => number
  close(): Promise<void>
}

export const FAULT_BINARY = randomBytes(4096)
/** "café ©" in ISO-8859-1. */
export const FAULT_LATIN1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xa9])
export const FAULT_HUGE_BYTES = 64 * 1024 * 1024
export const FAULT_BOMB_DECODED_BYTES = 1024 * 1024 * 1024

type Fault = (socket: Socket) => void

const head = (lines: string[]) => `HTTP/1.1 ${lines.join('\r\n')}\r\n\r\n`

/** 1 GiB of zeros as 1,024 gzip members of 1 MiB each: about 1 MB sent. */
const bomb = (() => {
  const member = zlib.gzipSync(Buffer.alloc(1024 * 1024))
  return Buffer.concat(Array.from({ length: 1024 }, () => member))
})()

const faults: Record<string, Fault> = {
  '/ok': (socket) => {
    socket.write(
      head(['200 OK', 'Content-Type: text/plain', 'Content-Length: 2']),
    )
    socket.write('ok')
  },
  '/slow-headers': () => undefined,
  '/slow-body': (socket) => {
    socket.write(
      head(['200 OK', 'Content-Type: text/plain', 'Content-Length: 100']),
    )
    socket.write('the first ten')
  },
  '/drip': (socket) => {
    socket.write(
      head([
        '200 OK',
        'Content-Type: text/plain',
        'Transfer-Encoding: chunked',
      ]),
    )
    let drops = 0
    const timer = setInterval(() => {
      drops += 1
      if (socket.destroyed || drops > 200) clearInterval(timer)
      else socket.write('1\r\n.\r\n')
    }, 50)
    socket.once('close', () => clearInterval(timer))
  },
  '/reset-mid-body': (socket) => {
    socket.write(
      head(['200 OK', 'Content-Type: text/plain', 'Content-Length: 1000']),
    )
    socket.write('x'.repeat(100), () => socket.resetAndDestroy())
  },
  '/truncated': (socket) => {
    socket.write(
      head(['200 OK', 'Content-Type: text/plain', 'Content-Length: 1000']),
    )
    socket.end('x'.repeat(100))
  },
  '/truncated-chunked': (socket) => {
    socket.write(
      head([
        '200 OK',
        'Content-Type: text/plain',
        'Transfer-Encoding: chunked',
      ]),
    )
    socket.end('5\r\nhello\r\n')
  },
  '/short-content-length': (socket) => {
    socket.write(
      head(['200 OK', 'Content-Type: text/plain', 'Content-Length: 5']),
    )
    socket.write('hello, and bytes past the announced length')
  },
  '/many-headers': (socket) => {
    const lines = Array.from({ length: 3000 }, (_, n) => `X-Header-${n}: v`)
    socket.write(head(['200 OK', ...lines, 'Content-Length: 0']))
  },
  '/big-header': (socket) => {
    socket.write(
      head(['200 OK', `X-Big: ${'b'.repeat(64 * 1024)}`, 'Content-Length: 0']),
    )
  },
  '/bomb': (socket) => {
    socket.write(
      head([
        '200 OK',
        'Content-Type: application/octet-stream',
        'Content-Encoding: gzip',
        `Content-Length: ${bomb.length}`,
      ]),
    )
    socket.write(bomb)
  },
  '/huge': (socket) => {
    socket.write(
      head([
        '200 OK',
        'Content-Type: text/plain',
        `Content-Length: ${FAULT_HUGE_BYTES}`,
      ]),
    )
    const chunk = Buffer.alloc(64 * 1024, 'x')
    let left = FAULT_HUGE_BYTES / chunk.length
    const pump = () => {
      while (left > 0 && !socket.destroyed) {
        left -= 1
        if (!socket.write(chunk)) return void socket.once('drain', pump)
      }
    }
    pump()
  },
  '/binary': (socket) => {
    socket.write(
      head([
        '200 OK',
        'Content-Type: application/octet-stream',
        `Content-Length: ${FAULT_BINARY.length}`,
      ]),
    )
    socket.write(FAULT_BINARY)
  },
  '/latin1': (socket) => {
    socket.write(
      head([
        '200 OK',
        'Content-Type: text/plain; charset=iso-8859-1',
        `Content-Length: ${FAULT_LATIN1.length}`,
      ]),
    )
    socket.write(FAULT_LATIN1)
  },
  '/not-http': (socket) => {
    socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n')
  },
  '/reset-before-headers': (socket) => socket.resetAndDestroy(),
}

export async function startFaultUpstream(): Promise<FaultUpstream> {
  const sockets = new Set<Socket>()
  let connections = 0
  const server = createServer((socket) => {
    connections += 1
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)

    // Requests carry no body here, so each blank line ends one; a kept
    // alive connection may bring the next.
    let received = ''
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
      for (;;) {
        const end = received.indexOf('\r\n\r\n')
        if (end === -1) return
        const path = received.split(' ')[1]?.split('?')[0] ?? ''
        received = received.slice(end + 4)
        const fault = faults[path] ?? faults['/ok']
        fault?.(socket)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    origin: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
