import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedConnections } from '@/lib/sandbox/seed'
import { createTestSandbox, generateUserToken } from '@/lib/sandbox/testing'
import { runQuarterlyScript, scriptsDir } from './run-script'
import { quarterlyScripts } from './scripts'
import { type ServedSandbox, serveSandbox } from './serve-sandbox'

// Each script runs against the built-in sandbox, served on a loopback
// port, exactly as a learner runs it against a real deployment.

const recordedNames = seedConnections.map((source) => source.name).sort()

/** The rows of a CSV file, quotes and doubled quotes undone. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  for (const line of text.trimEnd().split(/\r?\n/)) {
    const cells: string[] = []
    for (const match of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      const cell = match[1] ?? ''
      cells.push(
        cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell,
      )
      if (match[2] === '') break
    }
    rows.push(cells)
  }
  return rows
}

async function readNames(file: string): Promise<string[]> {
  const [header, ...rows] = parseCsv(await readFile(file, 'utf8'))
  expect(header).toEqual([
    'name',
    'type',
    'enabled',
    'location',
    'security_tier',
    'updated_at',
  ])
  return rows.map((row) => row[0] ?? '').sort()
}

// Each test starts an interpreter; a busy machine needs more than 5 s.
describe('quarterly-scripts.test.ts', { timeout: 30_000 }, () => {
  let recorded: ServedSandbox
  let large: ServedSandbox
  let recordedToken: string
  let largeToken: string
  let folder: string

  beforeAll(async () => {
    const small = createTestSandbox()
    const big = createTestSandbox({ extraSources: 230 })
    recorded = await serveSandbox(small.sandbox)
    large = await serveSandbox(big.sandbox)
    recordedToken = await generateUserToken(small.sandbox)
    largeToken = await generateUserToken(big.sandbox)
    folder = await mkdtemp(path.join(tmpdir(), 'quarterly-'))
  })

  afterAll(async () => {
    await Promise.all([recorded.close(), large.close()])
    await rm(folder, { recursive: true, force: true })
  })

  for (const { file } of quarterlyScripts) {
    it(`${file} lists all 20 sources with a user token`, async () => {
      const output = path.join(folder, `${file}.user-token.csv`)
      const run = await runQuarterlyScript(
        file,
        {
          BIGID_BASE_URL: recorded.baseUrl,
          BIGID_USER_TOKEN: recordedToken,
          BIGID_OUTPUT: output,
        },
        { cwd: folder },
      )
      expect(run.stderr).toContain('Wrote 20 data sources')
      expect(run.code).toBe(0)
      expect(await readNames(output)).toEqual(recordedNames)
    })

    it(`${file} writes the same file as the other scripts`, async () => {
      const output = path.join(folder, `${file}.user-token.csv`)
      const first = path.join(
        folder,
        `${quarterlyScripts[0].file}.user-token.csv`,
      )
      expect(await readFile(output, 'utf8')).toBe(await readFile(first, 'utf8'))
    })

    it(`${file} signs in with a username and password too`, async () => {
      const output = path.join(folder, `${file}.password.csv`)
      const run = await runQuarterlyScript(
        file,
        {
          BIGID_BASE_URL: `${recorded.baseUrl}/`,
          BIGID_USERNAME: 'bigid',
          BIGID_PASSWORD: 'learner',
          BIGID_OUTPUT: output,
        },
        { cwd: folder },
      )
      expect(run.code, run.stderr).toBe(0)
      expect(await readNames(output)).toEqual(recordedNames)
    })

    it(`${file} pages through more sources than one page holds`, async () => {
      const output = path.join(folder, `${file}.paged.csv`)
      const before = large.requests.length
      const run = await runQuarterlyScript(
        file,
        {
          BIGID_BASE_URL: large.baseUrl,
          BIGID_USER_TOKEN: largeToken,
          BIGID_OUTPUT: output,
          BIGID_PAGE_SIZE: '100',
        },
        { cwd: folder },
      )
      expect(run.code, run.stderr).toBe(0)
      const names = await readNames(output)
      expect(names).toHaveLength(250)
      expect(new Set(names).size).toBe(250)
      expect(names).toEqual(expect.arrayContaining(recordedNames))

      const lists = large.requests
        .slice(before)
        .filter((request) => request.startsWith('GET /sandbox/api/v1/ds-'))
      expect(lists).toEqual([
        'GET /sandbox/api/v1/ds-connections?skip=0&limit=100&requireTotalCount=true',
        'GET /sandbox/api/v1/ds-connections?skip=100&limit=100&requireTotalCount=true',
        'GET /sandbox/api/v1/ds-connections?skip=200&limit=100&requireTotalCount=true',
      ])
    })

    it(`${file} stops with BigID's message when the token is refused`, async () => {
      const output = path.join(folder, `${file}.refused.csv`)
      const run = await runQuarterlyScript(
        file,
        {
          BIGID_BASE_URL: recorded.baseUrl,
          BIGID_USER_TOKEN: 'not-a-token',
          BIGID_OUTPUT: output,
        },
        { cwd: folder },
      )
      expect(run.code).not.toBe(0)
      expect(run.stderr).toContain(
        'BigID refused the sign-in: Failed to authenticate token.',
      )
      await expect(readFile(output)).rejects.toThrow()
    })

    it(`${file} asks for its settings when none are given`, async () => {
      const run = await runQuarterlyScript(file, {}, { cwd: folder })
      expect(run.code).not.toBe(0)
      expect(run.stderr).toContain('set BIGID_BASE_URL')
    })

    it(`${file} holds no secret and no address of its own`, async () => {
      const text = await readFile(path.join(scriptsDir, file), 'utf8')
      expect(text).not.toMatch(/eyJ|learner|SAMPLE/)
      expect(text).not.toMatch(/BIGID_BASE_URL:-http|BIGID_BASE_URL', 'http/)
    })
  }
})
