// The quarterly-review script, in each language it ships in. The files
// live in content/scripts/; lessons show them with <ScriptDownload file=…>
// and /scripts/<file> serves them. Not server-only: lesson checks read the
// names when a lesson is built.
export const quarterlyScripts = [
  {
    file: 'quarterly-review.sh',
    title: 'bash, with curl and jq',
    language: 'bash',
    run: 'bash quarterly-review.sh',
  },
  {
    file: 'quarterly-review.py',
    title: 'Python 3, standard library only',
    language: 'python',
    run: 'python3 quarterly-review.py',
  },
  {
    file: 'quarterly-review.mjs',
    title: 'Node.js 20 or later, built-in fetch',
    language: 'javascript',
    run: 'node quarterly-review.mjs',
  },
] as const

export type QuarterlyScript = (typeof quarterlyScripts)[number]

export type QuarterlyScriptFile = QuarterlyScript['file']

export const quarterlyScriptFiles = quarterlyScripts.map(
  (script) => script.file,
) as [QuarterlyScriptFile, ...QuarterlyScriptFile[]]

export function findQuarterlyScript(file: string): QuarterlyScript | undefined {
  return quarterlyScripts.find((script) => script.file === file)
}
