// Stand-in for the code-action (quick fix) menu. The JSON language offers
// no quick fixes, so a problem's hover never shows the button that would
// ask for the menu, and copes with there being none.
// biome-ignore lint/complexity/noStaticOnlyClass: the shape of Monaco's class
export class CodeActionController {
  static get() {
    return null
  }
}
