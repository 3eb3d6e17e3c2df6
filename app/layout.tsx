import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import './globals.css'

export const metadata: Metadata = {
  title: {
    default: 'BigID API playground',
    template: '%s · BigID API playground',
  },
  description:
    'Learn the BigID REST API by sending real requests to a built-in sandbox.',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/lessons" className="site-name">
            BigID API playground
          </Link>
          <nav aria-label="Site">
            <Link href="/lessons">Lessons</Link>
            <Link href="/sandbox/access-management">Sandbox access</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  )
}
