import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AccessManagementPage, { dynamic } from './page'
import { UserTokenForm } from './user-token-form'

const instanceKey = Symbol.for('bigid-api-playground.sandbox')

/** The id of the control a visible label points at. */
function controlIdOf(html: string, labelText: string): string {
  const label = new RegExp(`<label for="([^"]+)">${labelText}</label>`)
  const id = label.exec(html)?.[1]
  if (id === undefined) throw new Error(`no label "${labelText}" in ${html}`)
  return id
}

describe('access-management page', () => {
  beforeEach(() => Reflect.deleteProperty(globalThis, instanceKey))
  afterEach(() => {
    vi.unstubAllEnvs()
    Reflect.deleteProperty(globalThis, instanceKey)
  })

  it('is rendered per request, so SANDBOX_USERS is read at run time', () => {
    expect(dynamic).toBe('force-dynamic')
  })

  it('offers every sandbox user in a select labelled User', () => {
    vi.stubEnv('SANDBOX_USERS', 'alice:secret,bob:pw2')
    const html = renderToStaticMarkup(createElement(AccessManagementPage))
    const selectId = controlIdOf(html, 'User')
    expect(html).toContain(`<select id="${selectId}">`)
    const options = [...html.matchAll(/<option value="([^"]+)"/g)]
    expect(options.map((match) => match[1])).toEqual(['bigid', 'alice', 'bob'])
    expect(html).not.toContain('secret')
  })

  it('says it stands in for Administration → Access Management', () => {
    const html = renderToStaticMarkup(createElement(AccessManagementPage))
    expect(html).toContain('<h1 id="access-management-title">')
    expect(html).toContain('Administration → Access Management')
    expect(html).toContain('stand-in')
  })

  it('labels a 1-to-999 number field and names the button', () => {
    const html = renderToStaticMarkup(
      createElement(UserTokenForm, { usernames: ['bigid'] }),
    )
    const inputId = controlIdOf(html, 'Lifetime \\(days\\)')
    const input = new RegExp(`<input[^>]*id="${inputId}"[^>]*>`).exec(html)
    expect(input?.[0]).toContain('type="number"')
    expect(input?.[0]).toContain('min="1"')
    expect(input?.[0]).toContain('max="999"')
    expect(input?.[0]).toMatch(/aria-describedby="[^"]+"/)
    expect(html).toMatch(/<button type="submit"[^>]*>Generate user token</)
    expect(html).toMatch(/<form[^>]* novalidate=/i)
  })
})
