'use client'

import { useEffect, useState } from 'react'
import type { Verdict } from '@/lib/checks/diagnose'

type Props = {
  verdict: Verdict
  nextStep?: string
  redoStep?: string
}

const tierLabels = ['Show a hint', 'Another hint', 'Show the answer'] as const

// Says whether the step worked; when it did not, says what did not hold
// and offers hints one tier at a time.
export function StepVerdict({ verdict, nextStep, redoStep }: Props) {
  const [shown, setShown] = useState(0)
  const mistake = verdict.passed ? undefined : verdict.mistake

  useEffect(() => {
    // A new kind of mistake starts again from the first hint.
    if (mistake !== undefined) setShown(0)
  }, [mistake])

  if (verdict.passed) {
    return (
      <div className="verdict verdict-passed">
        <p>
          <strong>Step done.</strong>{' '}
          {nextStep ? (
            <a href={`#step-${nextStep}`}>Go to the next step</a>
          ) : (
            'That was the last request of this lesson.'
          )}
        </p>
      </div>
    )
  }

  const label = tierLabels[shown]
  return (
    <div className="verdict verdict-failed" data-mistake={verdict.mistake}>
      <p>
        <strong>Not yet.</strong> This step expects a different answer:
      </p>
      <ul>
        {verdict.unmet.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {shown > 0 ? (
        <ol className="hints">
          {verdict.hints.slice(0, shown).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      ) : null}
      <div className="verdict-actions">
        {label ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setShown((count) => count + 1)}
          >
            {label}
          </button>
        ) : null}
        {redoStep ? (
          <a className="button-link" href={`#step-${redoStep}`}>
            Redo the sign-in step
          </a>
        ) : null}
      </div>
    </div>
  )
}
