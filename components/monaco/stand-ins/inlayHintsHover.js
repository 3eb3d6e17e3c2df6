// Stand-in for inlay hints' hover part. Hover only tests parts against it
// with instanceof; inlay hints are not bundled.
export class InlayHintsHover {}
