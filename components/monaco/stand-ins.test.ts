// The build swaps some monaco-editor modules for the stand-ins in
// ./stand-ins (see next.config.mjs). A stand-in that lacks a name another
// Monaco module imports still builds, and breaks at run time as undefined,
// so a Monaco upgrade that imports something new must fail here instead.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { NextConfig } from 'next'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
// (By URL: the config is plain JavaScript, without types for tsc.)
const nextConfig: NextConfig = (
  await import(pathToFileURL(path.join(root, 'next.config.mjs')).href)
).default
const monacoVs = path.join(root, 'node_modules/monaco-editor/esm/vs')
const standIns = Object.entries(nextConfig.turbopack?.rules ?? {}).map(
  ([glob, rule]) => ({
    replaced: path.join(monacoVs, glob.replace('**/monaco-editor/esm/vs/', '')),
    standIn: path.join(
      import.meta.dirname,
      'stand-ins',
      // biome-ignore lint/suspicious/noExplicitAny: the rule's shape is ours
      (rule as any).loaders[0].options.file as string,
    ),
  }),
)

const replaced = new Set(standIns.map((entry) => entry.replaced))

// Monaco files the app's editor and workers can load, from the entries in
// monaco.ts and code-editor.tsx; a replaced file's own imports are not
// followed, since its stand-in is loaded instead.
function reachableMonacoFiles(): string[] {
  const entries = ['monaco.ts', 'code-editor.tsx'].flatMap((file) =>
    [
      ...readFileSync(path.join(import.meta.dirname, file), 'utf8').matchAll(
        /'monaco-editor\/([^']+)'/g,
      ),
    ].map((match) =>
      path.join(monacoVs, (match[1] ?? '').replace(/(\.js)?$/, '.js')),
    ),
  )
  const seen = new Set<string>()
  const queue = entries.filter((file) => existsSync(file))
  for (let file = queue.pop(); file; file = queue.pop()) {
    // (A path in a comment may name no file.)
    if (seen.has(file) || replaced.has(file) || !existsSync(file)) continue
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(
      /(?:from|import)\s*\(?\s*'(\.[^']+\.js)'/g,
    )) {
      queue.push(path.resolve(path.dirname(file), match[1] ?? ''))
    }
  }
  return [...seen]
}
const monacoFiles = reachableMonacoFiles()

/** Names the reachable Monaco files import (or re-export) from `target`. */
function namesImportedFrom(target: string): Set<string> {
  const names = new Set<string>()
  const base = path.basename(target)
  for (const file of monacoFiles) {
    const source = readFileSync(file, 'utf8')
    if (!source.includes(base)) continue
    for (const match of source.matchAll(
      /(import|export)\s*(\*\s*as\s*\w+|\{[^}]*\})\s*from\s*'([^']+)'/g,
    )) {
      const [, , what = '', from = ''] = match
      if (path.resolve(path.dirname(file), from) !== target) continue
      if (what.startsWith('*')) names.add('*')
      for (const part of what.replace(/[{}]/g, '').split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0]
        if (name) names.add(name)
      }
    }
  }
  return names
}

describe('Monaco stand-ins', () => {
  it('has some, and finds the editor files they stand in among', () => {
    expect(standIns.length).toBeGreaterThan(0)
    expect(monacoFiles.length).toBeGreaterThan(500)
  })

  for (const { replaced, standIn } of standIns) {
    const name = path.relative(monacoVs, replaced)
    it(`${name}: both files exist`, () => {
      expect(existsSync(replaced)).toBe(true)
      expect(existsSync(standIn)).toBe(true)
    })

    it(`${name}: exports every name Monaco imports from it`, () => {
      const exported = new Set(
        [
          ...readFileSync(standIn, 'utf8').matchAll(
            /export\s+(?:class|function|const|let)\s+(\w+)/g,
          ),
        ].map((match) => match[1]),
      )
      const missing = [...namesImportedFrom(replaced)].filter(
        (imported) => !exported.has(imported),
      )
      expect(missing).toEqual([])
    })
  }
})
