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
}

export default nextConfig
