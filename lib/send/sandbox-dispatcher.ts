import 'server-only'
import { maxHeaderSize, STATUS_CODES } from 'node:http'
import { Dispatcher } from 'undici'
import { type HeaderPair, toHeaderPairs } from './headers'

/** The built-in sandbox: the same function app/sandbox/api serves. */
export type SandboxHandler = (request: Request) => Promise<Response>

/** No bigger than a socket read, so the body cap and backpressure see the flow they see on the wire. */
const CHUNK_BYTES = 64 * 1024

/**
 * An undici dispatcher that answers from the sandbox in this process.
 * Over a socket, a Send to the sandbox would come back in through Next's
 * router and cost two requests' work; here the send route still calls
 * undici's `request` with the same signal, headers and body reading, and
 * only the transport is gone. Why: docs/decisions/in-process-sandbox.md.
 */
export class SandboxDispatcher extends Dispatcher {
  readonly #handle: SandboxHandler

  constructor(handle: SandboxHandler) {
    super()
    this.#handle = handle
  }

  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    void answer(this.#handle, options, handler)
    return true
  }

  override close(): Promise<void> {
    return Promise.resolve()
  }

  override destroy(): Promise<void> {
    return Promise.resolve()
  }
}

async function answer(
  handle: SandboxHandler,
  options: Dispatcher.DispatchOptions,
  handler: Dispatcher.DispatchHandler,
): Promise<void> {
  const controller = new AbortController()
  let finished = false
  let paused = false
  let wake: (() => void) | undefined

  const finish = (error?: unknown) => {
    if (finished) return
    finished = true
    wake?.()
    if (error === undefined) handler.onComplete?.([])
    else handler.onError?.(toError(error))
  }
  const abort = (reason?: Error) => {
    controller.abort(reason)
    finish(reason ?? new Error('The request was aborted'))
  }

  handler.onConnect?.(abort)
  if (finished) return
  try {
    const headers = readHeaderPairs(options.headers)
    const response = isHeadTooLarge(options, headers)
      ? // What this app's own server answers over a socket, so a learner's
        // script meets the same refusal as the lesson did.
        new Response(null, { status: 431, headers: { connection: 'close' } })
      : await handle(toRequest(options, headers, controller.signal))
    if (finished) return
    const resume = () => {
      paused = false
      wake?.()
    }
    const statusText = response.statusText || STATUS_CODES[response.status]
    const raw = toRawHeaders(response.headers, response.status)
    if (
      handler.onHeaders?.(response.status, raw, resume, statusText ?? '') ===
      false
    ) {
      paused = true
    }
    if (response.body && options.method !== 'HEAD') {
      for await (const chunk of response.body) {
        for (let at = 0; at < chunk.length; at += CHUNK_BYTES) {
          while (paused && !finished) {
            await new Promise<void>((resolve) => {
              wake = resolve
            })
          }
          if (finished) return
          const piece = Buffer.from(
            chunk.buffer,
            chunk.byteOffset + at,
            Math.min(CHUNK_BYTES, chunk.length - at),
          )
          if (handler.onData?.(piece) === false) paused = true
        }
      }
    }
    finish()
  } catch (error) {
    finish(error)
  }
}

function toRequest(
  options: Dispatcher.DispatchOptions,
  pairs: readonly HeaderPair[],
  signal: AbortSignal,
): Request {
  // Joined, not resolved: a path such as //host must not change the origin.
  const url = new URL(`${String(options.origin)}${options.path}`)
  const headers = new Headers()
  for (const [name, value] of pairs) headers.append(name, value)
  const body = options.body
  if (body !== undefined && body !== null && !Buffer.isBuffer(body)) {
    throw new TypeError('The sandbox takes a request body as a Buffer')
  }
  // The send route's bodies are Buffer.from(text): never shared memory.
  const bytes = body
    ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length)
    : null
  return new Request(url, {
    method: options.method,
    headers,
    body: bytes,
    signal,
  })
}

/** Node's HTTP server refuses a request head over maxHeaderSize bytes. */
function isHeadTooLarge(
  options: Dispatcher.DispatchOptions,
  pairs: readonly HeaderPair[],
): boolean {
  let bytes = Buffer.byteLength(
    `${options.method} ${options.path} HTTP/1.1\r\n`,
    'latin1',
  )
  for (const [name, value] of pairs) {
    bytes += Buffer.byteLength(`${name}: ${value}\r\n`, 'latin1')
  }
  return bytes > maxHeaderSize
}

/** undici takes headers as name, value, name… or as an object. */
function readHeaderPairs(
  headers: Dispatcher.DispatchOptions['headers'],
): HeaderPair[] {
  if (!headers) return []
  if (Array.isArray(headers)) return toHeaderPairs(headers.map(String))
  return Object.entries(headers).flatMap(([name, value]) =>
    value === undefined
      ? []
      : (Array.isArray(value) ? value : [value]).map(
          (item): HeaderPair => [name, String(item)],
        ),
  )
}

/**
 * Headers iterate as Next writes them: names sorted, each Set-Cookie
 * apart. A 204 or 304 carries no Content-Length on the wire (Node's server
 * drops it), so none is shown here either.
 */
function toRawHeaders(headers: Headers, status: number): Buffer[] {
  const raw: Buffer[] = []
  const hasNoBody = status === 204 || status === 304
  for (const [name, value] of headers) {
    if (hasNoBody && name === 'content-length') continue
    raw.push(Buffer.from(name, 'latin1'), Buffer.from(value, 'latin1'))
  }
  return raw
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
