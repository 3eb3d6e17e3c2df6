import { chromium } from '@playwright/test'

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic'],
})
const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } })
page.on('console', (m) => console.log('console', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror', e.message))
page.on('response', async (r) => {
  if (r.url().includes('/api/send'))
    console.log(
      'send',
      r.status(),
      (await r.text()).slice(0, 300),
      JSON.stringify(r.request().headers()),
    )
})
await page.goto('http://127.0.0.1:3200/lessons/api-tutorial')
await page.waitForTimeout(1000)
await page.getByRole('button', { name: 'Send' }).first().click()
await page.waitForTimeout(1000)
await browser.close()
