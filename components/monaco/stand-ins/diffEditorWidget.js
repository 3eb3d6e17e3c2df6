// Stand-in for Monaco's diff editor. The standalone API can create diff
// editors, so it imports the widget whether or not one is made; lessons
// never make one.
export class DiffEditorWidget {
  constructor() {
    throw new Error('The diff editor is not bundled: see next.config.mjs')
  }
}
