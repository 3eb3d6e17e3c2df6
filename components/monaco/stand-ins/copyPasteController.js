// Stand-in for Monaco's "paste as" controller, which brings the code-action
// menu with it. The clipboard actions ask for it and carry on without one;
// plain copy, cut and paste do not need it.
// biome-ignore lint/complexity/noStaticOnlyClass: the shape of Monaco's class
export class CopyPasteController {
  static get() {
    return null
  }
}
