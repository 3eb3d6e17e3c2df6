// Serves the comparison pages (Swagger UI, Scalar, the lesson's HTML with
// its scripts removed) and the big-reply fixture, gzipped by zlib at level 6
// as Next would, from a manifest: {routes: {path: {file, type}}, mounts:
// {prefix: dir}}. Usage: node static-server.mjs MANIFEST PORT
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

const [manifestFile, portText] = process.argv.slice(2)
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
const cache = new Map()

const types = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
}

function resolve(urlPath) {
  const route = manifest.routes[urlPath]
  if (route) return route
  for (const [prefix, dir] of Object.entries(manifest.mounts ?? {})) {
    if (!urlPath.startsWith(prefix)) continue
    const file = path.join(dir, urlPath.slice(prefix.length))
    if (!file.startsWith(dir)) return undefined
    return { file, type: types[path.extname(file)] ?? 'text/plain' }
  }
  return undefined
}

function load(route) {
  let entry = cache.get(route.file)
  if (!entry) {
    const raw = readFileSync(route.file)
    entry = { raw, gzip: zlib.gzipSync(raw, { level: 6 }) }
    cache.set(route.file, entry)
  }
  return entry
}

const server = http.createServer(async (request, response) => {
  for await (const _ of request) {
    // Drain the body; the fixture answers the same to any method.
  }
  const urlPath = new URL(request.url, 'http://127.0.0.1').pathname
  const route = resolve(urlPath)
  let entry
  try {
    entry = route && load(route)
  } catch {
    entry = undefined
  }
  if (!entry) {
    response.writeHead(404, { 'content-type': 'text/plain' })
    response.end('not found')
    return
  }
  const isGzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
  const body = isGzip ? entry.gzip : entry.raw
  response.writeHead(200, {
    'content-type': route.type,
    'content-length': body.length,
    'cache-control': 'no-store',
    ...(isGzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  })
  response.end(body)
})

server.keepAliveTimeout = 5_000
server.listen(Number(portText), '127.0.0.1')
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
