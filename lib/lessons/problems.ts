/** One thing wrong with a lesson, where an editor can jump to it. */
export type LessonProblem = {
  readonly line: number
  readonly column: number
  readonly message: string
}

/**
 * A lesson that cannot be built. The message has one line per problem, as
 * `file:line:column: what is wrong`, so the build log and editors can
 * point at it.
 */
export class LessonBuildError extends Error {
  readonly file: string
  readonly problems: readonly LessonProblem[]

  constructor(
    file: string,
    problems: readonly LessonProblem[],
    options?: { cause?: unknown },
  ) {
    const lines = problems.map(
      (problem) =>
        `${file}:${problem.line}:${problem.column}: ${problem.message}`,
    )
    const count =
      problems.length === 1 ? 'a problem' : `${problems.length} problems`
    super(`The lesson ${file} has ${count}:\n${lines.join('\n')}`, options)
    this.name = 'LessonBuildError'
    this.file = file
    this.problems = problems
  }
}
