import type { Client } from '@readme/httpsnippet'
import { CodeBuilder } from '@readme/httpsnippet/helpers/code-builder'
import { quoteForPython } from './quote'

/**
 * An httpsnippet client for Python's standard library. httpsnippet 11 only
 * ships a `requests` client, a package a learner may not have; http.client
 * comes with every Python 3 and adds nothing to the request but Host,
 * Accept-Encoding: identity and Content-Length.
 */
export const pythonHttpClient: Client = {
  info: {
    key: 'http.client',
    title: 'http.client',
    link: 'https://docs.python.org/3/library/http.client.html',
    description: "Python's standard-library HTTP client",
    extname: '.py',
  },
  convert: ({ method, uriObj, allHeaders, postData }) => {
    const { push, blank, join } = new CodeBuilder({ indent: '    ' })
    const connection =
      uriObj.protocol === 'https:' ? 'HTTPSConnection' : 'HTTPConnection'
    const hasBody = Boolean(postData.text)

    push('import http.client')
    blank()
    push(
      `conn = http.client.${connection}(${quoteForPython(uriObj.host ?? '')})`,
    )
    blank()
    if (hasBody) push(`payload = ${quoteForPython(postData.text ?? '')}`)
    const names = Object.keys(allHeaders)
    if (names.length === 0) {
      push('headers = {}')
    } else {
      push('headers = {')
      for (const name of names) {
        const value = String(allHeaders[name])
        push(`${quoteForPython(name)}: ${quoteForPython(value)},`, 1)
      }
      push('}')
    }
    blank()
    // A str body would be encoded as Latin-1; the bytes Send sends are UTF-8.
    const body = hasBody ? 'payload.encode("utf-8")' : 'None'
    const path = quoteForPython(uriObj.path ?? '/')
    push(`conn.request(${quoteForPython(method)}, ${path}, ${body}, headers)`)
    push('response = conn.getresponse()')
    blank()
    push('print(response.status, response.reason)')
    push('print(response.read().decode("utf-8", errors="replace"))')
    return join()
  },
}
