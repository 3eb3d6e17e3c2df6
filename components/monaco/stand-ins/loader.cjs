// A Turbopack loader that serves a monaco-editor module's stand-in (a file
// in this folder) instead of its own source: see next.config.mjs.
const { readFileSync } = require('node:fs')
const path = require('node:path')

module.exports = function standIn() {
  const { file } = this.getOptions()
  return readFileSync(path.join(__dirname, file), 'utf8')
}
