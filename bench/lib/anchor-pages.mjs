// Files for the comparison server: Swagger UI and Scalar pages on the same
// two-endpoint spec, the lesson's HTML with its scripts taken out, and a
// ~5 MB reply that carries a token (for the highlight measurement).
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

// @scalar/api-reference exports no package.json, so both are found on disk.
const modules = path.resolve(import.meta.dirname, '..', '..', 'node_modules')
const swaggerPackage = path.join(modules, 'swagger-ui-dist')
const scalarPackage = path.join(modules, '@scalar', 'api-reference')

export function locateAnchorPackages() {
  return {
    swaggerDir: swaggerPackage,
    scalarDir: path.join(scalarPackage, 'dist', 'browser'),
  }
}

function readVersion(dir) {
  const manifest = JSON.parse(
    readFileSync(path.join(dir, 'package.json'), 'utf8'),
  )
  return manifest.version
}

/** zlib gzip level 6 sizes of the bundles, computed here. */
export function gzipSizes() {
  const { swaggerDir, scalarDir } = locateAnchorPackages()
  const size = (file) => {
    const raw = readFileSync(file)
    return { raw: raw.length, gzip6: zlib.gzipSync(raw, { level: 6 }).length }
  }
  return {
    swaggerBundle: size(path.join(swaggerDir, 'swagger-ui-bundle.js')),
    swaggerPreset: size(
      path.join(swaggerDir, 'swagger-ui-standalone-preset.js'),
    ),
    swaggerCss: size(path.join(swaggerDir, 'swagger-ui.css')),
    scalarStandalone: size(path.join(scalarDir, 'standalone.js')),
    version: {
      swagger: readVersion(swaggerPackage),
      scalar: readVersion(scalarPackage),
    },
  }
}

export function writeAnchorFiles({ root, outDir, lessonHtml, tokenReply }) {
  const { swaggerDir, scalarDir } = locateAnchorPackages()
  const spec = readFileSync(
    path.join(root, 'bench', 'anchors', 'openapi.json'),
    'utf8',
  )
  const inline = JSON.stringify(JSON.parse(spec)).replaceAll('<', '\\u003c')
  const file = (name, text) => {
    const target = path.join(outDir, name)
    writeFileSync(target, text)
    return target
  }

  const swagger = file(
    'swagger.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Swagger UI</title><link rel="stylesheet" href="/swagger/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/swagger/swagger-ui-bundle.js"></script>
<script src="/swagger/swagger-ui-standalone-preset.js"></script>
<script>window.ui = SwaggerUIBundle({ spec: ${inline}, dom_id: '#swagger-ui',
validatorUrl: null, presets: [SwaggerUIBundle.presets.apis,
SwaggerUIStandalonePreset], layout: 'StandaloneLayout' })</script>
</body></html>`,
  )
  const scalar = file(
    'scalar.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Scalar</title></head><body><div id="app"></div>
<script src="/scalar/standalone.js"></script>
<script>Scalar.createApiReference('#app', { content: ${inline},
withDefaultFonts: false })</script></body></html>`,
  )
  const staticLesson = file('static-lesson.html', stripScripts(lessonHtml))
  const token = file('token-reply.json', tokenReply)

  const html = 'text/html; charset=utf-8'
  return {
    routes: {
      '/swagger/': { file: swagger, type: html },
      '/scalar/': { file: scalar, type: html },
      '/static-lesson': { file: staticLesson, type: html },
      '/token-reply': { file: token, type: 'application/json' },
    },
    mounts: {
      '/swagger/': swaggerDir,
      '/scalar/': scalarDir,
      '/_next/static/': path.join(root, '.next', 'static'),
    },
  }
}

/** The lesson as the server sends it, minus every script and preload. */
function stripScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\bas="script"[^>]*>/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, '')
}

/**
 * A sign-in reply (token on line 4 once pretty-printed, as in BigID's)
 * followed by a ~5 MB source list taken from the sandbox.
 */
export function buildTokenReply(token, listJson) {
  const head = `{"success":true,"message":"Enjoy your token!","auth_token":${JSON.stringify(token)},`
  return `${head}${listJson.slice(1)}`
}
