// Stand-in for Monaco's quick input (the F1 command palette, Ctrl+G and
// other pickers). Only the palette-style features left out of monaco.ts
// use it; the service is created on first use, so it never is.
export class StandaloneQuickInputService {
  constructor() {
    throw new Error('Quick input is not bundled: see next.config.mjs')
  }
}
