// Stand-in for Monarch, Monaco's tokenizer for languages defined as rules.
// JSON brings its own tokenizer and plain text needs none; only
// setMonarchTokensProvider would make one, and nothing here calls it.
export class MonarchTokenizer {
  constructor() {
    throw new Error('Monarch is not bundled: see next.config.mjs')
  }
}
