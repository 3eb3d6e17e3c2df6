// The languages every request editor offers its request in. Not server-only:
// the snippet panel lists them.
export const snippetLanguages = [
  { id: 'curl', label: 'curl (bash)', fileName: 'request.sh' },
  { id: 'powershell', label: 'PowerShell', fileName: 'request.ps1' },
  { id: 'python', label: 'Python (http.client)', fileName: 'request.py' },
  { id: 'node', label: 'Node.js (fetch)', fileName: 'request.mjs' },
] as const

export type SnippetLanguage = (typeof snippetLanguages)[number]['id']

export function isSnippetLanguage(value: string): value is SnippetLanguage {
  return snippetLanguages.some((language) => language.id === value)
}
