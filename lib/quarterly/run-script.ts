import { execFile } from 'node:child_process'
import path from 'node:path'
import { sealedEnv } from '../snippets/run-snippet'
import { findQuarterlyScript, type QuarterlyScriptFile } from './scripts'

export const scriptsDir = path.join(process.cwd(), 'content', 'scripts')

export type ScriptRun = { code: number; stdout: string; stderr: string }

const interpreters: Record<string, string> = {
  bash: 'bash',
  python: 'python3',
  javascript: 'node',
}

/**
 * Runs a quarterly-review script with only the given settings, PATH and a
 * HOME of its own, with proxies off and a deadline; never throws for a
 * non-zero exit, so tests can read what it said.
 */
export function runQuarterlyScript(
  file: QuarterlyScriptFile,
  settings: Record<string, string>,
  options: { cwd: string; timeoutMs?: number },
): Promise<ScriptRun> {
  const script = findQuarterlyScript(file)
  const interpreter = script ? interpreters[script.language] : undefined
  if (!interpreter) throw new Error(`no interpreter for ${file}`)

  return new Promise((resolve, reject) => {
    execFile(
      interpreter,
      [path.join(scriptsDir, file)],
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 20_000,
        killSignal: 'SIGKILL',
        env: sealedEnv(options.cwd, settings),
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error)
          return
        }
        resolve({
          code: typeof error?.code === 'number' ? error.code : 0,
          stdout,
          stderr,
        })
      },
    )
  })
}
