import Link from 'next/link'

type Props = {
  prerequisites: readonly string[]
  titles: ReadonlyMap<string, string>
}

export function Prerequisites({ prerequisites, titles }: Props) {
  if (prerequisites.length === 0) return null
  return (
    <p className="hint">
      First do:{' '}
      {prerequisites.map((slug, index) => (
        <span key={slug}>
          {index > 0 ? ', ' : null}
          <Link href={`/lessons/${slug}`}>{titles.get(slug) ?? slug}</Link>
        </span>
      ))}
    </p>
  )
}
