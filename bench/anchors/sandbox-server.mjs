// The app's own sandbox (lib/sandbox, bundled by esbuild) mounted on bare
// node:http: the same request-to-response function the Next route calls,
// without Next. Usage: node sandbox-server.mjs BUNDLE PORT
import http from 'node:http'
import { pathToFileURL } from 'node:url'

const [bundle, portText] = process.argv.slice(2)
const port = Number(portText)
const { getSandbox } = await import(pathToFileURL(bundle).href)
const sandbox = getSandbox()

const server = http.createServer(async (request, response) => {
  try {
    const chunks = []
    for await (const chunk of request) chunks.push(chunk)
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
    const incoming = new Request(`http://127.0.0.1:${port}${request.url}`, {
      method: request.method,
      headers: toHeaders(request.rawHeaders),
      body: hasBody ? Buffer.concat(chunks) : undefined,
    })
    const answer = await sandbox(incoming)
    const body = Buffer.from(await answer.arrayBuffer())
    const headers = [...answer.headers].filter(([key]) => key !== 'set-cookie')
    for (const cookie of answer.headers.getSetCookie()) {
      headers.push(['set-cookie', cookie])
    }
    response.writeHead(answer.status, headers.flat())
    response.end(body)
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' })
    response.end(String(error))
  }
})

function toHeaders(raw) {
  const headers = new Headers()
  for (let index = 0; index < raw.length; index += 2) {
    headers.append(raw[index], raw[index + 1])
  }
  return headers
}

server.keepAliveTimeout = 5_000
server.listen(port, '127.0.0.1')
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
