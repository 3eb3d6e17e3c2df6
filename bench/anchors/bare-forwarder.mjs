// The least one extra hop can cost: node:http in, undici.request out, with
// the send route's envelope ({method, url, headers, body}) and a reply of
// {status, statusText, headers, body}. No validation, policy or decoding.
// Usage: node bare-forwarder.mjs PORT
import http from 'node:http'
import { Agent } from 'undici'

const port = Number(process.argv[2])
const agent = new Agent({ keepAliveTimeout: 4_000, connections: 32 })

const server = http.createServer(async (request, response) => {
  try {
    const chunks = []
    for await (const chunk of request) chunks.push(chunk)
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    const target = new URL(input.url)
    // Only loopback: this anchor must never become a way out.
    if (target.hostname !== '127.0.0.1') throw new Error('loopback only')

    const upstream = await agent.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: input.method,
      headers: (input.headers ?? []).flat(),
      body: input.body || null,
    })
    const body = await upstream.body.text()
    const headers = Object.entries(upstream.headers).flatMap(([key, value]) =>
      Array.isArray(value) ? value.map((item) => [key, item]) : [[key, value]],
    )
    reply(response, 200, {
      status: upstream.statusCode,
      statusText: http.STATUS_CODES[upstream.statusCode] ?? '',
      headers,
      body,
    })
  } catch (error) {
    reply(response, 502, { error: String(error) })
  }
})

function reply(response, status, payload) {
  const text = JSON.stringify(payload)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}

server.keepAliveTimeout = 5_000
server.listen(port, '127.0.0.1')
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
