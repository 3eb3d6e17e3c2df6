// Bundles lib/sandbox for plain Node, so the sandbox can be measured on
// bare node:http beside the same code behind Next.
import path from 'node:path'
import { build } from 'esbuild'

export async function bundleSandbox(root, outDir) {
  const outfile = path.join(outDir, 'sandbox.bundle.mjs')
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'lib', 'sandbox', 'instance.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: false,
    logLevel: 'error',
    alias: {
      'server-only': path.join(root, 'bench', 'anchors', 'server-only.mjs'),
    },
  })
  return outfile
}
