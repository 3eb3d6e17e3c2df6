// Stand-in for Monaco's multi-file diff editor: imported by the standalone
// API for monaco.editor.createMultiFileDiffEditor, which lessons never call.
export class MultiDiffEditorWidget {
  constructor() {
    throw new Error('The multi-diff editor is not bundled: see next.config.mjs')
  }
}
