// Stand-in for the inline-completion hints: hover checks whether their
// drop-down is open. There are no inline completions here, so it never is.
// biome-ignore lint/complexity/noStaticOnlyClass: the shape of Monaco's class
export class InlineSuggestionHintsContentWidget {
  static dropDownVisible = false
}
