import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileLessonFile } from './compile'
import { LessonBuildError } from './problems'

// Each fixture is a lesson with one kind of mistake; the build must stop
// and name the file and the line of the mistake.

const fixtures = path.join(import.meta.dirname, 'fixtures')

function compileFixture(name: string) {
  return compileLessonFile(
    path.join(fixtures, name),
    `lib/lessons/fixtures/${name}`,
  )
}

async function failureOf(name: string): Promise<LessonBuildError> {
  const error = await compileFixture(name).then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(LessonBuildError)
  return error as LessonBuildError
}

describe('compile.ts', () => {
  it('compiles a lesson with every component and lists its steps', async () => {
    const lesson = await compileFixture('good.mdx')
    expect(lesson.title).toBe('A lesson that builds')
    expect(lesson.steps).toEqual(['login', 'list'])
    expect(lesson.code).toContain('RequestEditor')
  })

  it('renders GitHub-style Markdown tables', async () => {
    const lesson = await compileFixture('good.mdx')
    expect(lesson.code).toMatch(/_components\.table|"table"/)
    expect(lesson.code).not.toContain('| --- |')
  })

  it('names the line of each bad frontmatter field', async () => {
    const error = await failureOf('bad-frontmatter.mdx')
    expect(error.message).toContain(
      'lib/lessons/fixtures/bad-frontmatter.mdx:4:1: frontmatter order:',
    )
    expect(error.message).toContain(
      'lib/lessons/fixtures/bad-frontmatter.mdx:6:1: frontmatter estimate: ' +
        'not a frontmatter field',
    )
  })

  it('names the line where the YAML breaks', async () => {
    const error = await failureOf('broken-yaml.mdx')
    expect(error.message).toMatch(
      /lib\/lessons\/fixtures\/broken-yaml\.mdx:[34]:\d+: frontmatter is not valid YAML/,
    )
  })

  it('names an unknown component, its line and the likely name', async () => {
    const error = await failureOf('unknown-component.mdx')
    expect(error.message).toContain(
      'lib/lessons/fixtures/unknown-component.mdx:10:1: unknown component ' +
        '<RequestEdtor>. Did you mean <RequestEditor>?',
    )
  })

  it('names a duplicate step id and where it was first used', async () => {
    const error = await failureOf('duplicate-step-id.mdx')
    expect(error.problems).toHaveLength(1)
    expect(error.message).toContain(
      'lib/lessons/fixtures/duplicate-step-id.mdx:17:1: step id "list" is ' +
        'already used on line 8.',
    )
  })

  it('names a request step without a success check', async () => {
    const error = await failureOf('missing-success.mdx')
    expect(error.problems).toHaveLength(1)
    expect(error.message).toContain(
      'lib/lessons/fixtures/missing-success.mdx:10:1: <RequestEditor ' +
        'id="login"> has no success check.',
    )
  })

  it('names what is wrong inside a success check', async () => {
    const error = await failureOf('bad-success.mdx')
    expect(error.message).toContain(
      'lib/lessons/fixtures/bad-success.mdx:12:3: <RequestEditor> prop ' +
        'success.status:',
    )
    expect(error.message).toContain(
      'success.json.auth token: a key of json must be a dotted path',
    )
  })

  it('refuses props that are not literal values, and misspelt props', async () => {
    const error = await failureOf('not-literal.mdx')
    expect(error.message).toContain(
      'lib/lessons/fixtures/not-literal.mdx:12:3: prop body: a function call ' +
        'is not a literal value',
    )
    expect(error.message).toContain(
      'not-literal.mdx:13:3: <RequestEditor> has no prop sucess',
    )
    expect(error.message).toContain('has no success check')
  })

  it('names the line of MDX that does not parse', async () => {
    const error = await failureOf('broken-mdx.mdx')
    expect(error.message).toMatch(
      /lib\/lessons\/fixtures\/broken-mdx\.mdx:1[01]:\d+: /,
    )
  })
})
