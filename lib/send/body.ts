import 'server-only'
import { pipeline, Readable, type Transform } from 'node:stream'
import zlib from 'node:zlib'

export interface ReadBody {
  /** The decoded bytes kept, at most the cap. */
  readonly bytes: Buffer
  /** True when more decoded bytes followed the cap and were dropped. */
  readonly truncated: boolean
  /** False when a coding could not be undone and the bytes are as sent. */
  readonly isDecoded: boolean
}

export interface EncodedBody {
  readonly body: string
  readonly bodyEncoding: 'utf8' | 'base64'
}

/** More layers than this is not a real server; the bytes are kept as sent. */
const MAX_CODINGS = 4

/**
 * Reads a response body, undoing its content codings once, and stops at
 * `maxBytes` of decoded output: the rest is never read, so a small
 * compressed body cannot inflate past the cap. The source is destroyed.
 */
export async function readDecodedBody(
  source: Readable,
  codings: readonly string[],
  maxBytes: number,
): Promise<ReadBody> {
  try {
    const canDecode =
      codings.length <= MAX_CODINGS && codings.every(isSupportedCoding)
    if (codings.length === 0 || !canDecode) {
      return { ...(await collect(source, maxBytes)), isDecoded: canDecode }
    }

    const iterator = source[Symbol.asyncIterator]()
    const first: IteratorResult<unknown> = await iterator.next()
    if (first.done) {
      return { bytes: Buffer.alloc(0), truncated: false, isDecoded: true }
    }
    const firstChunk = toBuffer(first.value)
    const raw = Readable.from(prepend(firstChunk, iterator))
    const decoders = [...codings]
      .reverse()
      .map((coding, index) =>
        createDecoder(coding, index === 0 ? firstChunk[0] : undefined),
      )
    return {
      ...(await collect(chain(raw, decoders), maxBytes)),
      isDecoded: true,
    }
  } catch (error) {
    if (isDecompressionError(error)) {
      throw new BodyDecodeError(codings.join(', '), { cause: error })
    }
    throw error
  } finally {
    source.destroy()
  }
}

/** The body's codings could not be undone: its bytes are not what it says. */
export class BodyDecodeError extends Error {
  readonly encoding: string

  constructor(encoding: string, options: { cause: unknown }) {
    super(`The body could not be decoded as ${encoding}`, options)
    this.name = 'BodyDecodeError'
    this.encoding = encoding
  }
}

function isDecompressionError(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false
  const { code } = error
  return typeof code === 'string' && /^(Z_|ERR__ERROR_|ERR_BROTLI)/.test(code)
}

export function isSupportedCoding(coding: string): boolean {
  return ['gzip', 'x-gzip', 'deflate', 'br'].includes(coding)
}

/**
 * Pipes the raw bytes through the decoders and hands back the last one to
 * read from. An error anywhere reaches the reader; when the reader stops
 * early, the pipeline tears every stream down, and that is expected.
 */
function chain(raw: Readable, decoders: Transform[]): Transform {
  const last = decoders.at(-1)
  if (last === undefined) throw new Error('chain needs at least one decoder')
  pipeline([raw, ...decoders], () => undefined)
  return last
}

async function collect(
  stream: AsyncIterable<unknown> & { destroy(): unknown },
  maxBytes: number,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = []
  let size = 0
  let truncated = false
  for await (const value of stream) {
    const chunk = toBuffer(value)
    if (chunk.length === 0) continue
    const room = maxBytes - size
    if (chunk.length > room) {
      chunks.push(chunk.subarray(0, room))
      size += room
      truncated = true
      break
    }
    chunks.push(chunk)
    size += chunk.length
  }
  stream.destroy()
  return { bytes: Buffer.concat(chunks, size), truncated }
}

async function* prepend(
  first: Buffer,
  rest: AsyncIterator<unknown>,
): AsyncGenerator<Buffer> {
  yield first
  try {
    for (;;) {
      const next = await rest.next()
      if (next.done) return
      yield toBuffer(next.value)
    }
  } finally {
    await rest.return?.()
  }
}

/**
 * Lenient like browsers and curl: a body cut short still yields what was
 * decoded. "deflate" should be zlib-wrapped but some servers send it raw;
 * the first byte tells them apart when it is the outermost coding.
 */
function createDecoder(
  coding: string,
  firstByte: number | undefined,
): Transform {
  const zlibFlush = {
    flush: zlib.constants.Z_SYNC_FLUSH,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  }
  if (coding === 'br') {
    return zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    })
  }
  if (coding === 'deflate') {
    const isRaw = firstByte !== undefined && (firstByte & 0x0f) !== 0x08
    return isRaw
      ? zlib.createInflateRaw(zlibFlush)
      : zlib.createInflate(zlibFlush)
  }
  return zlib.createGunzip(zlibFlush)
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value
  if (value instanceof Uint8Array) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength)
  }
  return Buffer.from(String(value))
}

const textTypes = [
  /^text\//,
  /^application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded)$/,
  /^application\/(x-ndjson|ndjson|graphql|yaml|x-yaml|toml|sql|csv)$/,
  /\+(json|xml|yaml)$/,
]
const binaryTypes = [
  /^(image|audio|video|font)\//,
  /^application\/(octet-stream|pdf|zip|gzip|x-tar|wasm|vnd\.ms-excel)$/,
  /^application\/(msword|x-protobuf|protobuf|cbor|msgpack)$/,
]

/**
 * Chooses how a body travels back in JSON: as text when the content type
 * says text (decoded by its charset, UTF-8 by default) or, with no useful
 * type, when it reads as clean UTF-8; otherwise as base64, losslessly.
 */
export function encodeBodyForReply(
  bytes: Buffer,
  contentType: string | undefined,
  isTruncated: boolean,
): EncodedBody {
  if (bytes.length === 0) return { body: '', bodyEncoding: 'utf8' }
  const { mimeType, charset } = parseContentType(contentType)
  const isBinaryType = binaryTypes.some((type) => type.test(mimeType))

  if (charset !== undefined && !isBinaryType) {
    const text = decodeText(bytes, charset, isTruncated)
    if (text !== undefined) return { body: text, bodyEncoding: 'utf8' }
  }
  if (!isBinaryType) {
    const text = decodeText(bytes, 'utf-8', isTruncated)
    const isTextType = textTypes.some((type) => type.test(mimeType))
    if (text !== undefined && (isTextType || looksLikeText(text))) {
      return { body: text, bodyEncoding: 'utf8' }
    }
  }
  return { body: bytes.toString('base64'), bodyEncoding: 'base64' }
}

export function parseContentType(value: string | undefined): {
  mimeType: string
  charset: string | undefined
} {
  const [type = '', ...parameters] = (value ?? '').split(';')
  const charsetParameter = parameters
    .map((parameter) => parameter.trim())
    .find((parameter) => /^charset=/i.test(parameter))
  const charset = charsetParameter
    ?.slice('charset='.length)
    .trim()
    .replace(/^"(.*)"$/, '$1')
  return {
    mimeType: type.trim().toLowerCase(),
    charset: charset === '' ? undefined : charset,
  }
}

/**
 * Decodes strictly: bytes that are not valid in the charset give undefined,
 * so they go back as base64 instead of as replacement characters. A body
 * cut at the cap may end inside a character; streaming mode leaves it out.
 */
function decodeText(
  bytes: Buffer,
  charset: string,
  isTruncated: boolean,
): string | undefined {
  try {
    const decoder = new TextDecoder(charset, { fatal: true })
    return decoder.decode(bytes, { stream: isTruncated })
  } catch {
    return undefined
  }
}

/** Text without control characters other than tab, line breaks and FF. */
function looksLikeText(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  return !/[\x00-\x08\x0b\x0e-\x1f\x7f]/.test(text)
}
