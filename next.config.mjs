import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('.', import.meta.url))

// monaco-editor modules the build replaces with the file of the same name
// in components/monaco/stand-ins, each of which says why that is safe. The
// first is how the JSON language starts its worker, and it also imports
// every editor feature; the rest are imported by parts the lessons use, for
// features they do not use (the diff editor, the GPU renderer, quick
// fixes...). Without them the editor's download is about 165 KB (23 %)
// bigger, compressed.
const monacoStandIns = [
  'internal/common/workers.js',
  'editor/browser/widget/diffEditor/diffEditorWidget.js',
  'editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js',
  'editor/standalone/browser/quickInput/standaloneQuickInputService.js',
  'editor/browser/gpu/viewGpuContext.js',
  'editor/browser/viewParts/viewLinesGpu/viewLinesGpu.js',
  'editor/browser/viewParts/rulersGpu/rulersGpu.js',
  'editor/browser/viewParts/gpuMark/gpuMark.js',
  'editor/common/model/tokens/treeSitter/treeSitterSyntaxTokenBackend.js',
  'editor/standalone/common/monarch/monarchLexer.js',
  'editor/standalone/common/monarch/monarchCompile.js',
  'editor/contrib/dropOrPasteInto/browser/copyPasteController.js',
  'editor/contrib/inlineCompletions/browser/hintsWidget/inlineCompletionsHintsWidget.js',
  'editor/contrib/colorPicker/browser/hoverColorPicker/hoverColorPicker.js',
  'editor/contrib/colorPicker/browser/hoverColorPicker/hoverColorPickerParticipant.js',
  'editor/contrib/inlayHints/browser/inlayHintsHover.js',
  'editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js',
  'editor/contrib/codeAction/browser/codeActionController.js',
]
const standInLoader = fileURLToPath(
  new URL('./components/monaco/stand-ins/loader.cjs', import.meta.url),
)

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  agentRules: false,
  turbopack: {
    root,
    rules: Object.fromEntries(
      monacoStandIns.map((file) => [
        `**/monaco-editor/esm/vs/${file}`,
        {
          loaders: [
            { loader: standInLoader, options: { file: path.basename(file) } },
          ],
        },
      ]),
    ),
  },
  experimental: {
    // The editor is one 2.8 MB download (before gzip), all needed at once.
    // Cut into the default 400 KB pieces, each gzipped alone, it is 8 KB
    // bigger.
    turbopackChunking: { maxChunkSize: 0 },
  },
  outputFileTracingRoot: root,
  serverExternalPackages: ['esbuild', 'mdx-bundler'],
  outputFileTracingIncludes: { '/lessons/**': ['./content/**/*'] },
  // `npm test` type-checks the whole project as its own step (tsc), before
  // the build; checking again inside the build only costs time.
  typescript: { ignoreBuildErrors: true },
  // Security headers on every page and route. Why each source is allowed,
  // and why scripts allow 'unsafe-inline' rather than nonces:
  // docs/decisions/content-security-policy.md
  async headers() {
    const isDev = process.env.NODE_ENV !== 'production'
    const policy = [
      "default-src 'self'",
      // Next's inline bootstrap on static pages; React's dev tools eval.
      `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
      // Monaco writes its own <style> elements and style attributes.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      // Monaco's editor and JSON workers, bundled by Turbopack.
      "worker-src 'self' blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join('; ')
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: policy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Not no-referrer: under it a same-origin POST carries
          // "Origin: null", which the send route refuses as cross-site.
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ]
  },
}

export default nextConfig
