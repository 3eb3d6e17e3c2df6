// Reads a prop written as a JavaScript expression in MDX (`body={{ a: 1 }}`)
// as the plain value it stands for, from the estree MDX attaches to it. Only
// literals are allowed: a lesson is content, and a prop that needs running
// code to know its value cannot be checked when the lesson is built.

export type StaticValue =
  | null
  | boolean
  | number
  | string
  | StaticValue[]
  | { [key: string]: StaticValue }

export type StaticResult =
  | { ok: true; value: StaticValue }
  | { ok: false; reason: string }

type Node = Record<string, unknown>

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'type' in value
}

/** The value of a `Program` holding one expression statement. */
export function readProgram(program: unknown): StaticResult {
  const body =
    isNode(program) && Array.isArray(program.body) ? program.body : []
  const [statement] = body
  if (body.length !== 1 || !isNode(statement)) {
    return { ok: false, reason: 'write one value between the braces' }
  }
  if (statement.type !== 'ExpressionStatement') {
    return { ok: false, reason: 'write a value, not a statement' }
  }
  return readExpression(statement.expression)
}

export function readExpression(node: unknown): StaticResult {
  if (!isNode(node)) return refuse('an empty expression')
  switch (node.type) {
    case 'Literal':
      return readLiteral(node)
    case 'TemplateLiteral':
      return readTemplate(node)
    case 'UnaryExpression':
      return readNegative(node)
    case 'ArrayExpression':
      return readArray(node)
    case 'ObjectExpression':
      return readObject(node)
    default:
      return refuse(nameOf(node))
  }
}

function readLiteral(node: Node): StaticResult {
  const { value } = node
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  ) {
    return { ok: true, value }
  }
  return refuse('a regular expression or big integer')
}

function readTemplate(node: Node): StaticResult {
  const expressions = Array.isArray(node.expressions) ? node.expressions : []
  const quasis = Array.isArray(node.quasis) ? node.quasis : []
  if (expressions.length > 0)
    return refuse('a template with a placeholder in it')
  const cooked = quasis
    .map((quasi: unknown) =>
      isNode(quasi) && isNode(quasi.value) ? quasi.value.cooked : undefined,
    )
    .join('')
  return { ok: true, value: cooked }
}

function readNegative(node: Node): StaticResult {
  const argument = readExpression(node.argument)
  if (node.operator === '-' && argument.ok) {
    if (typeof argument.value === 'number') {
      return { ok: true, value: -argument.value }
    }
  }
  return refuse(`the operator ${String(node.operator)}`)
}

function readArray(node: Node): StaticResult {
  const elements = Array.isArray(node.elements) ? node.elements : []
  const values: StaticValue[] = []
  for (const element of elements) {
    if (isNode(element) && element.type === 'SpreadElement') {
      return refuse('a spread (...)')
    }
    const item = readExpression(element)
    if (!item.ok) return item
    values.push(item.value)
  }
  return { ok: true, value: values }
}

function readObject(node: Node): StaticResult {
  const properties = Array.isArray(node.properties) ? node.properties : []
  const value: { [key: string]: StaticValue } = {}
  for (const property of properties) {
    if (!isNode(property) || property.type !== 'Property') {
      return refuse('a spread (...)')
    }
    if (property.computed || property.kind !== 'init' || property.method) {
      return refuse('a computed key, getter or method')
    }
    const key = readKey(property.key)
    if (key === undefined) return refuse('a key that is not a name or text')
    const item = readExpression(property.value)
    if (!item.ok) return item
    value[key] = item.value
  }
  return { ok: true, value }
}

function readKey(key: unknown): string | undefined {
  if (!isNode(key)) return undefined
  if (key.type === 'Identifier' && typeof key.name === 'string') return key.name
  if (key.type === 'Literal') {
    const { value } = key
    if (typeof value === 'string' || typeof value === 'number') {
      return String(value)
    }
  }
  return undefined
}

function nameOf(node: Node): string {
  if (node.type === 'Identifier') return `the name ${String(node.name)}`
  if (node.type === 'CallExpression') return 'a function call'
  if (node.type === 'ArrowFunctionExpression') return 'a function'
  return `a ${String(node.type)}`
}

function refuse(what: string): StaticResult {
  return {
    ok: false,
    reason: `${what} is not a literal value; write the value itself`,
  }
}
