import 'server-only'
import { readQuarterlyScript } from '@/lib/quarterly/read-script'
import { findQuarterlyScript } from '@/lib/quarterly/scripts'
import styles from './script-download.module.css'

/**
 * One of the shipped quarterly-review scripts: where to download it, how
 * to run it, and its text, readable in the page before any script runs.
 */
export async function ScriptDownload({ file }: { file: string }) {
  const script = findQuarterlyScript(file)
  // Lesson builds check the name first (lib/lessons/components.ts).
  if (!script) throw new Error(`ScriptDownload: no script named ${file}`)
  const source = await readQuarterlyScript(script.file)
  const headingId = `script-${script.file.replace(/\W/g, '-')}`

  return (
    <section className={styles.script} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.title}>
        <code>{script.file}</code> <span>({script.title})</span>
      </h3>
      <p className={styles.actions}>
        <a href={`/scripts/${script.file}`} download={script.file}>
          Download {script.file}
        </a>
        <span>
          Run it with <code>{script.run}</code>
        </span>
      </p>
      <details>
        <summary>Read {script.file}</summary>
        <pre className={styles.source}>{source}</pre>
      </details>
    </section>
  )
}
