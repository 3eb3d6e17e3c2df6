import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { SnippetLanguage } from './languages'

/** How each language the tests can run is run on this machine. */
const runners: Partial<Record<SnippetLanguage, [string, string]>> = {
  curl: ['bash', 'request.sh'],
  python: ['python3', 'request.py'],
  node: ['node', 'request.mjs'],
}

export const runnableLanguages = Object.keys(runners) as SnippetLanguage[]

export type RunResult = { stdout: string; stderr: string }

/**
 * The environment learner code runs in under test: PATH, a HOME of its
 * own, proxies off (both spellings: curl reads the lower-case one), and
 * the given settings. No .curlrc or proxy setting can send a request
 * anywhere else.
 */
export function sealedEnv(
  home: string,
  settings: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    NO_PROXY: '*',
    no_proxy: '*',
    ...settings,
  }
}

/**
 * Writes the code to a file in a fresh folder and runs it with a deadline.
 * The environment is cut down to PATH, with HOME in that folder and proxies
 * off, so no .curlrc or proxy setting can send the request anywhere else.
 */
export async function runSnippet(
  language: SnippetLanguage,
  code: string,
  timeoutMs = 10_000,
): Promise<RunResult> {
  const runner = runners[language]
  if (!runner) throw new Error(`${language} cannot be run on this machine`)
  const [command, fileName] = runner

  const folder = await mkdtemp(path.join(tmpdir(), 'snippet-'))
  try {
    const file = path.join(folder, fileName)
    await writeFile(file, code)
    return await new Promise<RunResult>((resolve, reject) => {
      execFile(
        command,
        [file],
        {
          cwd: folder,
          timeout: timeoutMs,
          killSignal: 'SIGKILL',
          env: sealedEnv(folder),
        },
        (error, stdout, stderr) => {
          if (error)
            reject(new Error(`${command} failed: ${stderr}`, { cause: error }))
          else resolve({ stdout, stderr })
        },
      )
    })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
