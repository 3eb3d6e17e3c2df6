import { expect, test } from './fixtures'

test('the lesson index lists the lessons in order, with summaries and what to do first', async ({
  page,
}) => {
  await page.goto('/lessons')
  const lessons = page.getByRole('main').getByRole('listitem')
  await expect(lessons.getByRole('heading', { level: 2 })).toHaveText([
    'Your first BigID API calls',
    'Sign in with a user token',
    'Page, filter and sort data sources',
    'Automate the quarterly review',
  ])

  const review = lessons.filter({ hasText: 'Automate the quarterly review' })
  await expect(review).toContainText('download one script')
  await expect(review).toContainText(
    'First do: Sign in with a user token, Page, filter and sort data sources',
  )
  await review.getByRole('link', { name: 'Sign in with a user token' }).click()
  await expect(page).toHaveURL(/\/lessons\/user-token$/)
})
