import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readRevision } from './revision'

describe('revision.ts', () => {
  let folder = ''

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('changes when a lesson is edited or added, and only then', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'revision-'))
    await writeFile(path.join(folder, 'a.mdx'), 'one')
    const first = await readRevision(folder)
    expect(await readRevision(folder)).toBe(first)

    await writeFile(path.join(folder, 'a.mdx'), 'one, edited')
    const edited = await readRevision(folder)
    expect(edited).not.toBe(first)

    await writeFile(path.join(folder, 'b.mdx'), 'two')
    expect(await readRevision(folder)).not.toBe(edited)
  })
})
