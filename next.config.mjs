import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('.', import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  agentRules: false,
  turbopack: { root },
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
