// Stand-in for go-to-definition on Ctrl+hover: JSON has no definitions.
// Hover's "show definition preview" asks for it and stops without one.
// biome-ignore lint/complexity/noStaticOnlyClass: the shape of Monaco's class
export class GotoDefinitionAtPositionEditorContribution {
  static get() {
    return null
  }
}
