import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  BodyDecodeError,
  encodeBodyForReply,
  parseContentType,
  readDecodedBody,
} from './body'

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(200)

function chunked(bytes: Buffer, size = 1000): Readable {
  const parts: Buffer[] = []
  for (let offset = 0; offset < bytes.length; offset += size) {
    parts.push(bytes.subarray(offset, offset + size))
  }
  return Readable.from(parts)
}

/** Endless gzip of zeros; counts how many compressed chunks were pulled. */
function endlessGzip() {
  const state = { pulled: 0 }
  const gzip = zlib.createGzip()
  const zeros = Buffer.alloc(1024 * 1024)
  const source = new Readable({
    read() {
      state.pulled++
      gzip.write(zeros, () => {
        gzip.flush(() => {
          let chunk: Buffer | null = gzip.read()
          while (chunk !== null) {
            this.push(chunk)
            chunk = gzip.read()
          }
        })
      })
    },
  })
  return { source, state }
}

describe('readDecodedBody', () => {
  it.each([
    ['gzip', zlib.gzipSync],
    ['x-gzip', zlib.gzipSync],
    ['br', zlib.brotliCompressSync],
    ['deflate', zlib.deflateSync],
    ['deflate', zlib.deflateRawSync],
  ] as const)('decodes %s once', async (coding, compress) => {
    const read = await readDecodedBody(
      chunked(compress(Buffer.from(text))),
      [coding],
      1_000_000,
    )
    expect(read.bytes.toString()).toBe(text)
    expect(read.truncated).toBe(false)
    expect(read.isDecoded).toBe(true)
  })

  it('undoes stacked codings last first', async () => {
    const bytes = zlib.gzipSync(zlib.brotliCompressSync(Buffer.from(text)))
    const read = await readDecodedBody(chunked(bytes), ['br', 'gzip'], 1e6)
    expect(read.bytes.toString()).toBe(text)
  })

  it('leaves an already decoded-looking body alone when no coding is named', async () => {
    const gzipped = zlib.gzipSync(Buffer.from(text))
    const read = await readDecodedBody(chunked(gzipped), [], 1e6)
    expect(read.bytes.equals(gzipped)).toBe(true)
  })

  it('keeps a body exactly at the cap whole', async () => {
    const read = await readDecodedBody(
      chunked(Buffer.from(text)),
      [],
      text.length,
    )
    expect(read).toMatchObject({ truncated: false })
    expect(read.bytes.length).toBe(text.length)
  })

  it('cuts a body one byte over the cap', async () => {
    const read = await readDecodedBody(
      chunked(Buffer.from(text)),
      [],
      text.length - 1,
    )
    expect(read.truncated).toBe(true)
    expect(read.bytes.toString()).toBe(text.slice(0, -1))
  })

  it('caps a decompression bomb and stops reading it', async () => {
    const { source, state } = endlessGzip()
    const read = await readDecodedBody(source, ['gzip'], 256 * 1024)
    expect(read.truncated).toBe(true)
    expect(read.bytes.length).toBe(256 * 1024)
    // Each pull inflates to 1 MiB; the source never ends on its own, so a
    // finished read with few pulls means the sender stopped reading.
    expect(state.pulled).toBeLessThan(32)
    expect(source.destroyed).toBe(true)
  })

  it('reads an empty gzip-labelled body as empty', async () => {
    const read = await readDecodedBody(Readable.from([]), ['gzip'], 1e6)
    expect(read).toMatchObject({ truncated: false, isDecoded: true })
    expect(read.bytes.length).toBe(0)
  })

  it('keeps the bytes as sent when a coding is unknown', async () => {
    const read = await readDecodedBody(
      chunked(Buffer.from('raw')),
      ['zstd'],
      1e6,
    )
    expect(read).toMatchObject({ isDecoded: false })
    expect(read.bytes.toString()).toBe('raw')
  })

  it('throws a BodyDecodeError when the bytes are not what the coding says', async () => {
    const reading = readDecodedBody(
      chunked(Buffer.from('not gzip at all')),
      ['gzip'],
      1e6,
    )
    await expect(reading).rejects.toBeInstanceOf(BodyDecodeError)
    await expect(reading).rejects.toMatchObject({ encoding: 'gzip' })
  })

  it('passes a socket error through unchanged', async () => {
    const reset = Object.assign(new Error('socket hang up'), {
      code: 'ECONNRESET',
    })
    const source = new Readable({
      read() {
        this.destroy(reset)
      },
    })
    await expect(readDecodedBody(source, ['gzip'], 1e6)).rejects.toBe(reset)
  })
})

describe('encodeBodyForReply', () => {
  it('sends JSON as UTF-8 text', () => {
    const bytes = Buffer.from('{"name":"Zoë"}')
    expect(encodeBodyForReply(bytes, 'application/json', false)).toEqual({
      body: '{"name":"Zoë"}',
      bodyEncoding: 'utf8',
    })
  })

  it('decodes Latin-1 text by its charset', () => {
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9])
    expect(
      encodeBodyForReply(bytes, 'text/plain; charset="ISO-8859-1"', false),
    ).toEqual({ body: 'café', bodyEncoding: 'utf8' })
  })

  it('decodes Shift_JIS text by its charset', () => {
    const bytes = Buffer.from([0x82, 0xa0])
    expect(
      encodeBodyForReply(bytes, 'text/plain; charset=shift_jis', false).body,
    ).toBe('あ')
  })

  it('sends binary as base64', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff])
    expect(encodeBodyForReply(bytes, 'image/png', false)).toEqual({
      body: bytes.toString('base64'),
      bodyEncoding: 'base64',
    })
  })

  it('sends text-looking bytes of a binary type as base64', () => {
    const bytes = Buffer.from('hello')
    expect(
      encodeBodyForReply(bytes, 'application/octet-stream', false).bodyEncoding,
    ).toBe('base64')
  })

  it('sniffs an untyped body: clean UTF-8 as text, control bytes as base64', () => {
    expect(encodeBodyForReply(Buffer.from('ok\n'), undefined, false)).toEqual({
      body: 'ok\n',
      bodyEncoding: 'utf8',
    })
    expect(
      encodeBodyForReply(Buffer.from([0, 1, 2]), undefined, false).bodyEncoding,
    ).toBe('base64')
  })

  it('sends invalid UTF-8 in a JSON body as base64 rather than mangling it', () => {
    const bytes = Buffer.from([0x7b, 0xff, 0x7d])
    expect(
      encodeBodyForReply(bytes, 'application/json', false).bodyEncoding,
    ).toBe('base64')
  })

  it('drops a character cut in half by the cap', () => {
    const bytes = Buffer.from('añ').subarray(0, 2)
    expect(encodeBodyForReply(bytes, 'text/plain', true)).toEqual({
      body: 'a',
      bodyEncoding: 'utf8',
    })
  })

  it('falls back to UTF-8 for an unknown charset', () => {
    expect(
      encodeBodyForReply(
        Buffer.from('ok'),
        'text/plain; charset=klingon',
        false,
      ),
    ).toEqual({ body: 'ok', bodyEncoding: 'utf8' })
  })

  it('sends an empty body as empty text', () => {
    expect(encodeBodyForReply(Buffer.alloc(0), 'image/png', false)).toEqual({
      body: '',
      bodyEncoding: 'utf8',
    })
  })
})

describe('parseContentType', () => {
  it('reads the type and a quoted charset', () => {
    expect(parseContentType('Text/HTML; Charset="utf-8"; x=y')).toEqual({
      mimeType: 'text/html',
      charset: 'utf-8',
    })
  })
})
