import type { z } from 'zod'
import {
  isLessonComponentName,
  type LessonComponentName,
  lessonComponentNames,
  lessonComponentProps,
} from './components'
import type { LessonProblem } from './problems'
import { readProgram, type StaticValue } from './static-value'

/** What the check learns about a lesson besides its problems. */
export type LessonOutline = { steps: { id: string; line: number }[] }

export type CheckOptions = {
  readonly problems: LessonProblem[]
  readonly outline: LessonOutline
}

type Node = {
  type: string
  name?: string | null
  attributes?: unknown[]
  children?: Node[]
  position?: { start: { line: number; column: number } }
}

type Attribute = {
  type: string
  name?: string
  value?: unknown
  position?: Node['position']
}

/**
 * A remark plugin that checks a lesson's components against
 * lib/lessons/components.ts: no unknown component, props that are literal
 * values of the right shape, a success check on every request step, and
 * step ids unique in the lesson. It records problems with their line
 * rather than throwing, so an author sees them all at once.
 */
export function remarkCheckLesson(options: CheckOptions) {
  return (tree: unknown) => {
    const stepLines = new Map<string, number>()
    visit(tree as Node, (node) => {
      if (node.type === 'mdxjsEsm') {
        report(options, node, messages.noImports)
        return
      }
      if (
        node.type !== 'mdxJsxFlowElement' &&
        node.type !== 'mdxJsxTextElement'
      ) {
        return
      }
      checkElement(node, options, stepLines)
    })
  }
}

function checkElement(
  node: Node,
  options: CheckOptions,
  stepLines: Map<string, number>,
) {
  const name = node.name
  if (!name) return
  if (!isLessonComponentName(name)) {
    // Lower-case names are HTML elements, which MDX renders as they are.
    if (/^[a-z][a-z0-9-]*$/.test(name)) return
    report(options, node, messages.unknownComponent(name))
    return
  }

  const { props, unreadable } = readProps(node, options)
  if (name === 'RequestEditor' && !('success' in props)) {
    if (!unreadable.has('success')) {
      report(options, node, messages.missingSuccess(props.id))
    }
  }
  checkProps(name, props, unreadable, node, options)

  if (name === 'RequestEditor' && typeof props.id === 'string') {
    const line = lineOf(node)
    const earlier = stepLines.get(props.id)
    if (earlier === undefined) {
      stepLines.set(props.id, line)
      options.outline.steps.push({ id: props.id, line })
    } else {
      report(options, node, messages.duplicateId(props.id, earlier))
    }
  }
}

/** The props that are literal values, and the names of those that are not. */
function readProps(node: Node, options: CheckOptions) {
  const props: Record<string, StaticValue> = {}
  const unreadable = new Set<string>()
  for (const raw of node.attributes ?? []) {
    const attribute = raw as Attribute
    const at = attribute.position ? attribute : node
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      report(options, at, messages.spreadProps(node.name ?? ''))
      continue
    }
    const value = readAttributeValue(attribute.value)
    if (value.ok) {
      props[attribute.name] = value.value
    } else {
      report(options, at, messages.notLiteral(attribute.name, value.reason))
      unreadable.add(attribute.name)
    }
  }
  return { props, unreadable }
}

function readAttributeValue(value: unknown) {
  if (value === null || value === undefined) {
    return { ok: true as const, value: true }
  }
  if (typeof value === 'string') return { ok: true as const, value }
  const expression = value as { data?: { estree?: unknown } }
  return readProgram(expression.data?.estree)
}

function checkProps(
  name: LessonComponentName,
  props: Record<string, StaticValue>,
  unreadable: ReadonlySet<string>,
  node: Node,
  options: CheckOptions,
) {
  const schema: z.ZodType = lessonComponentProps[name]
  const result = schema.safeParse(props)
  if (result.success) return
  for (const issue of result.error.issues) {
    const prop = String(issue.path[0])
    // Reported already: not a literal, or the missing success check.
    if (unreadable.has(prop)) continue
    if (
      name === 'RequestEditor' &&
      prop === 'success' &&
      !('success' in props)
    ) {
      continue
    }
    const keys =
      issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0])]
    const where = issue.path.length > 0 ? issue.path.join('.') : keys.join(', ')
    const text =
      issue.code === 'unrecognized_keys'
        ? messages.unknownProp(name, keys)
        : messages.badProp(name, where, describeIssue(issue))
    report(options, findAttribute(node, keys[0]) ?? node, text)
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_key' && issue.path[0] === 'success') {
    return (
      'a key of json must be a dotted path of names, such as ' +
      '"data.totalCount"'
    )
  }
  return issue.message
}

function findAttribute(node: Node, name: string | undefined) {
  return (node.attributes as Attribute[] | undefined)?.find(
    (attribute) => attribute.name === name && attribute.position,
  )
}

function visit(node: Node, callback: (node: Node) => void) {
  callback(node)
  for (const child of node.children ?? []) visit(child, callback)
}

function lineOf(node: { position?: Node['position'] }): number {
  return node.position?.start.line ?? 1
}

function report(
  options: CheckOptions,
  node: { position?: Node['position'] },
  message: string,
) {
  options.problems.push({
    line: lineOf(node),
    column: node.position?.start.column ?? 1,
    message,
  })
}

const messages = {
  unknownComponent: (name: string) => {
    const guess = findClosest(name, lessonComponentNames)
    return (
      `unknown component <${name}>.` +
      (guess ? ` Did you mean <${guess}>?` : '') +
      ` A lesson can use ${lessonComponentNames.join(', ')} ` +
      '(see docs/authoring.md).'
    )
  },
  missingSuccess: (id: StaticValue | undefined) =>
    `<RequestEditor${typeof id === 'string' ? ` id="${id}"` : ''}> has no ` +
    'success check. Add success={{ status: 200, json: { ... } }} saying ' +
    'what a correct answer looks like (see docs/authoring.md).',
  duplicateId: (id: string, earlier: number) =>
    `step id "${id}" is already used on line ${earlier}. Each ` +
    '<RequestEditor> needs its own id: the learner’s edits are saved ' +
    'under it.',
  spreadProps: (name: string) =>
    `<${name}> takes no {...spread} props: write each prop by name.`,
  notLiteral: (prop: string, reason: string) => `prop ${prop}: ${reason}.`,
  unknownProp: (name: string, keys: readonly string[]) =>
    `<${name}> has no prop ${keys.join(', ')} (see docs/authoring.md for ` +
    'the props it takes).',
  badProp: (name: string, where: string, problem: string) =>
    `<${name}> prop ${where}: ${problem}.`,
  noImports:
    'lessons cannot import or export: the components in ' +
    'docs/authoring.md are available without an import.',
}

/** The known name within two edits of a misspelt one, if there is one. */
function findClosest(
  name: string,
  known: readonly string[],
): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const candidate of known) {
    const distance = countEdits(name.toLowerCase(), candidate.toLowerCase())
    if (distance <= 2 && (!best || distance < best.distance)) {
      best = { name: candidate, distance }
    }
  }
  return best?.name
}

function countEdits(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution =
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        substitution,
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
