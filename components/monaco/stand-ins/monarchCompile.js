// Stand-in: Monarch's rule compiler (see monarchLexer.js).
export function compile() {
  throw new Error('Monarch is not bundled: see next.config.mjs')
}
