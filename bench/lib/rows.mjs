// One line of the report: a figure, its anchor from the same run, the
// ratio, and the target it is judged by (on the ratio or on the value).
import { ratio } from './stats.mjs'

/**
 * `target`: {on: 'ratio' | 'value', op: '<=' | '>=' | '=', limit, text};
 * omit it for a figure reported for context only.
 */
export function makeRow({
  id,
  section,
  figure,
  value,
  unit,
  anchorName,
  anchor,
  target,
  note,
}) {
  const rowRatio = ratio(value, anchor)
  const judged = target?.on === 'ratio' ? rowRatio : value
  return {
    id,
    section,
    figure,
    value,
    unit,
    anchorName: anchorName ?? null,
    anchor: anchor ?? null,
    ratio: Number.isFinite(rowRatio) ? rowRatio : null,
    target: target ?? null,
    pass: target ? judge(judged, target) : null,
    note: note ?? null,
  }
}

function judge(value, { op, limit }) {
  if (!Number.isFinite(value)) return false
  if (op === '<=') return value <= limit
  if (op === '>=') return value >= limit
  return value === limit
}
