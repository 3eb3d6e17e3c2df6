import 'server-only'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * A fingerprint of every file under a folder: names, sizes and modification
 * times. It changes when a lesson or a script is saved, added or removed;
 * the development server's pages poll it to reload themselves.
 */
export async function readRevision(folder: string): Promise<string> {
  const entries = await readdir(folder, {
    recursive: true,
    withFileTypes: true,
  })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
  const parts: string[] = []
  for (const file of files) {
    const { size, mtimeMs } = await stat(file)
    parts.push(`${path.relative(folder, file)}:${size}:${mtimeMs}`)
  }
  return parts.join('|')
}
