import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { QuarterlyScriptFile } from './scripts'

const scriptsDir = path.join(process.cwd(), 'content', 'scripts')

/** The text of one shipped script; only known names are ever read. */
export function readQuarterlyScript(
  file: QuarterlyScriptFile,
): Promise<string> {
  return readFile(path.join(scriptsDir, file), 'utf8')
}
