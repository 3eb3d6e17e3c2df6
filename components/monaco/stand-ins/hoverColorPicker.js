// Stand-in for the colour picker's hover part: JSON bodies get no colour
// decorators, so the mouse is never on one.
export function isOnColorDecorator() {
  return false
}
