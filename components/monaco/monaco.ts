// Monaco's editor core with only what a JSON body needs. The full
// 'monaco-editor' entry also brings 80 languages, the TypeScript, CSS and
// HTML services, an LSP client and every editor feature, all fetched on
// each lesson. next.config.mjs swaps a few modules that these still import
// for features left out (the diff editor, quick fixes...) for stand-ins.
//
// Features register themselves on import and are read when an editor is
// built, so this module must run before the first editor exists.
import 'monaco-editor/features/codicon/register'
// Reading and finding: Ctrl+F, folding, matching brackets, other places of
// the word at the cursor.
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/wordHighlighter/register'
// The suggestion widget, for schema completion. (features/suggest only
// adds suggestions as inline ghost text.)
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
// Problems and schema descriptions: hover, F8 to the next problem.
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/gotoError/register'
// Editing: word-wise moves and deletes, drag and drop, undo of cursor moves,
// Format Document, the context menu and its clipboard entries, Ctrl+M.
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/features/dnd/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/format/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/toggleTabFocusMode/register'
// "Cannot edit in read-only editor", in the response body.
import 'monaco-editor/features/readOnlyMessage/register'

export * from 'monaco-editor/editor'
export { jsonDefaults } from 'monaco-editor/languages/features/json/register'
