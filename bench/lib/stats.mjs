// Small statistics for noisy machines: medians, never means.

export function median(values) {
  return quantile(values, 0.5)
}

export function quantile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.ceil(position)
  const lower = sorted[below]
  const upper = sorted[above]
  return lower + (upper - lower) * (position - below)
}

export function ratio(value, anchor) {
  if (!Number.isFinite(value) || !Number.isFinite(anchor) || anchor === 0) {
    return Number.NaN
  }
  return value / anchor
}

export function round(value, digits = 0) {
  if (!Number.isFinite(value)) return value
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

/** Runs `steps` in turn, `rounds` times, rotating who goes first. */
export async function interleave(rounds, steps) {
  for (let index = 0; index < rounds; index++) {
    const offset = index % steps.length
    const order = [...steps.slice(offset), ...steps.slice(0, offset)]
    for (const step of order) await step(index)
  }
}
