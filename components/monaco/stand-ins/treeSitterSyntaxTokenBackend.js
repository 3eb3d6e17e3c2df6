// Stand-in for tree-sitter tokenization. A model uses it only for languages
// the tree-sitter service supports, and the standalone service supports
// none, so it is never made.
export class TreeSitterSyntaxTokenBackend {}
