import { expect, test } from '@playwright/test'
import { STORAGE_KEY_LANGUAGE } from '../src/lib/preferences'
import { signInAs } from './staff-fixtures'

// A desk clerk on a phone: the queue's search and filters fit a 360 px screen in either
// language, nothing scrolls sideways, and the buttons look like the console's others.
for (const language of ['zh-CN', 'en'] as const) {
  test(`the queue's filters fit a phone's screen (${language})`, async ({ browser, baseURL }) => {
    const page = await signInAs(browser, baseURL, 'desk.nanning')
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      STORAGE_KEY_LANGUAGE,
      language,
    ] as const)
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto('/staff/queue')
    const names =
      language === 'en'
        ? { search: 'Search', status: 'Status', clear: 'Clear filters' }
        : { search: '搜索', status: '状态', clear: '清除条件' }
    const search = page.getByRole('button', { name: names.search, exact: true })
    await expect(search).toBeVisible()
    await page.getByLabel(names.status).selectOption({ index: 1 })
    const clear = page.getByRole('button', { name: names.clear })
    await expect(clear).toBeVisible()

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    const box = await search.boundingBox()
    expect(box && box.x + box.width).toBeLessThanOrEqual(360)
    // The app's buttons (ui/button.tsx), not the browser's grey default.
    await expect(search).toHaveCSS('font-weight', '600')
    await expect(search).not.toHaveCSS('background-color', 'rgb(239, 239, 239)')

    await clear.click()
    await expect(page.getByLabel(names.status)).toHaveValue('')
    await expect(clear).toHaveCount(0)
    await page.context().close()
  })
}
