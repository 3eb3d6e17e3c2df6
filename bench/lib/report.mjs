// The report: one table (figure, anchor, ratio, target, pass or miss) in
// bench/report.md and bench/report.json, and on the terminal.
import { writeFileSync } from 'node:fs'
import path from 'node:path'

/** `hasNotes: false` leaves out the notes, for the README. */
export function formatTable(rows, { hasNotes = true } = {}) {
  const lines = [
    '| # | figure | value | anchor (same run) | ratio | target | result |',
    '| --- | --- | ---: | --- | ---: | --- | --- |',
  ]
  for (const row of rows) {
    const anchor =
      row.anchor === null
        ? '—'
        : `${formatNumber(row.anchor)} ${row.unit} (${row.anchorName})`
    const ratio = row.ratio === null ? '—' : `${formatNumber(row.ratio, 2)}×`
    const result = row.pass === null ? 'info' : row.pass ? 'pass' : '**MISS**'
    const figure =
      row.note && hasNotes ? `${row.figure} — ${row.note}` : row.figure
    lines.push(
      `| ${row.section.split('.')[0]} | ${escapeCell(figure)} | ` +
        `${formatNumber(row.value)} ${row.unit} | ${escapeCell(anchor)} | ` +
        `${ratio} | ${escapeCell(row.target?.text ?? '—')} | ${result} |`,
    )
  }
  return lines.join('\n')
}

function formatNumber(value, digits) {
  if (value === null || value === undefined) return '—'
  if (!Number.isFinite(value)) return 'n/a'
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : 1)
  return value.toLocaleString('en', {
    maximumFractionDigits: places,
    minimumFractionDigits: digits === undefined ? 0 : places,
  })
}

function escapeCell(text) {
  return String(text).replaceAll('|', '\\|')
}

export function formatMachine(machine) {
  return (
    `${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, ` +
    `${machine.os}; Node ${machine.node}; Chromium ${machine.chromium}; ` +
    `Next ${machine.next}; commit ${machine.commit}; load average at ` +
    `start ${machine.loadAverage.join(' / ')}`
  )
}

export function writeReports(root, report) {
  const benchDir = path.join(root, 'bench')
  const markdown = [
    '# npm run bench',
    '',
    `${report.mode} run, ${report.startedAt}, ${Math.round(report.durationSeconds)} s. ` +
      `Build ${report.build.buildId} of ${report.build.builtAt}` +
      `${report.build.isStale ? ' (STALE: sources changed after it)' : ''}.`,
    '',
    `Machine: ${formatMachine(report.machine)}.`,
    '',
    formatTable(report.rows),
    '',
    `${report.misses.length} of ${report.rows.filter((row) => row.pass !== null).length} ` +
      `targets missed${report.misses.length ? `: ${report.misses.join(', ')}` : ''}.`,
    '',
    ...report.evidence,
    '',
    'Every figure comes with its anchor from the same run; raw samples, ' +
      'request lists and profiles are in report.json. Regenerate with ' +
      '`npm run bench` (about 7 minutes) or `npm run bench -- --quick`.',
    '',
  ].join('\n')
  writeFileSync(path.join(benchDir, 'report.md'), markdown)
  writeFileSync(
    path.join(benchDir, 'report.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  )
  return markdown
}
