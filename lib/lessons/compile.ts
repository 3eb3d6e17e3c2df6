import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { bundleMDX } from 'mdx-bundler'
import remarkGfm from 'remark-gfm'
import { type LessonOutline, remarkCheckLesson } from './check-lesson'
import {
  type Frontmatter,
  findFieldLine,
  parseFrontmatter,
} from './frontmatter'
import { LessonBuildError, type LessonProblem } from './problems'

export type CompiledLesson = Frontmatter & {
  /** The MDX compiled to a function body, for getMDXComponent. */
  code: string
  /** The request steps, in the order they appear. */
  steps: string[]
}

/**
 * Compiles one lesson file, or throws a LessonBuildError naming the file
 * and the line of every problem: bad frontmatter, an unknown component, a
 * bad prop, a duplicate step id, a request step without a success check,
 * or MDX that does not parse. `shownAs` is the path used in messages.
 */
export async function compileLessonFile(
  file: string,
  shownAs: string,
): Promise<CompiledLesson> {
  const source = await readFile(file, 'utf8')
  const problems: LessonProblem[] = []
  const outline: LessonOutline = { steps: [] }

  let bundled: Awaited<ReturnType<typeof bundleMDX>>
  try {
    bundled = await bundleMDX({
      source,
      cwd: path.dirname(file),
      // First, so it sees the tree before remark-mdx-frontmatter adds
      // its own export of the frontmatter.
      mdxOptions: (options) => {
        options.remarkPlugins = [
          [remarkCheckLesson, { problems, outline }],
          ...(options.remarkPlugins ?? []),
          // Tables, task lists and strikethrough, as authors expect.
          remarkGfm,
        ]
        return options
      },
      // Failures are reported once, by LessonBuildError, with the real path.
      esbuildOptions: (options) => ({ ...options, logLevel: 'silent' }),
    })
  } catch (error) {
    throw new LessonBuildError(shownAs, readBuildFailure(error), {
      cause: error,
    })
  }

  const frontmatter = parseFrontmatter(shownAs, bundled.frontmatter)
  if (!frontmatter.success) {
    for (const problem of frontmatter.problems) {
      problems.push({
        line: findFieldLine(source, problem.field),
        column: 1,
        message: `frontmatter ${problem.field}: ${problem.message}`,
      })
    }
  }
  if (problems.length > 0 || !frontmatter.success) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column)
    throw new LessonBuildError(shownAs, problems)
  }

  const steps = outline.steps.map((step) => step.id)
  return { ...frontmatter.data, code: bundled.code, steps }
}

/** Where esbuild, MDX or the YAML parser says the source is wrong. */
function readBuildFailure(error: unknown): LessonProblem[] {
  const failure = error as {
    name?: string
    reason?: string
    mark?: { line?: number; column?: number }
    errors?: BuildMessage[]
  }
  if (failure.name === 'YAMLException') {
    // The YAML parser counts lines from 0, starting on the opening ---.
    return [
      {
        line: (failure.mark?.line ?? 0) + 1,
        column: (failure.mark?.column ?? 0) + 1,
        message: `frontmatter is not valid YAML: ${failure.reason ?? 'unreadable'}`,
      },
    ]
  }
  if (Array.isArray(failure.errors) && failure.errors.length > 0) {
    return failure.errors.map(readBuildMessage)
  }
  const message = error instanceof Error ? error.message : String(error)
  return [{ line: 1, column: 1, message }]
}

type BuildMessage = {
  text?: string
  location?: { line?: number; column?: number } | null
  detail?: { cause?: { reason?: string; place?: Place } }
}

type Point = { line?: number; column?: number }
type Place = Point & { start?: Point }

/**
 * esbuild places MDX's own errors at line 0 of the entry point; the MDX
 * parser's message (the cause) knows where in the lesson it is.
 */
function readBuildMessage(message: BuildMessage): LessonProblem {
  const cause = message.detail?.cause
  const place = cause?.place?.start ?? cause?.place
  const text = message.text ?? 'the MDX could not be compiled'
  const quoted = /\((\d+):(\d+)-\d+:\d+\)/.exec(text)
  return {
    line: place?.line ?? Number(quoted?.[1] ?? message.location?.line ?? 1),
    column: place?.column ?? Number(quoted?.[2] ?? 1),
    message: `the MDX does not parse: ${cause?.reason ?? text}`,
  }
}
