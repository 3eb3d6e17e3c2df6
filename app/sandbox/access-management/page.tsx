import type { Metadata } from 'next'
import { listSandboxUsernames } from '@/lib/sandbox/instance'
import styles from './page.module.css'
import { UserTokenForm } from './user-token-form'

// The user list comes from SANDBOX_USERS at run time, not at build time.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  title: 'Access Management (sandbox)',
}

export default function AccessManagementPage() {
  return (
    <section className={styles.page} aria-labelledby="access-management-title">
      <h1 id="access-management-title">Access Management</h1>
      <p className={styles.lead}>
        Generate a user token for one of the sandbox&apos;s users. Send it raw
        in the <code>Authorization</code> header of{' '}
        <code>GET /api/v1/refresh-access-token</code> to get a system token.
      </p>
      <p className={styles.note}>
        This screen is the sandbox&apos;s own stand-in for BigID&apos;s{' '}
        <strong>Administration → Access Management</strong>, where an
        administrator picks a user and generates a token for them.
      </p>
      <UserTokenForm usernames={listSandboxUsernames()} />
    </section>
  )
}
