import { expect, test } from '@playwright/test'
import { checkForUpdate, deployNewBuild, waitForServiceWorker, writeDraft } from './fixtures'

test('a new version deployed while the page is open is offered, and reloading keeps what was typed', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.goto('/')
  await waitForServiceWorker(page)
  const firstBuild = await page.locator('html').getAttribute('data-build-id')

  await writeDraft(page, '社保转移问题', '跨市转移社保关系，窗口说要等一个月，')
  // The update banner must not show while nothing new is deployed.
  await checkForUpdate(page)
  await expect(page.getByText('新版本已就绪')).toBeHidden()

  deployNewBuild(`e2e-${Date.now()}`)
  await checkForUpdate(page)
  await expect(page.getByText('新版本已就绪')).toBeVisible({ timeout: 30_000 })

  // Typing goes on while the banner waits: nothing is swapped under the owner.
  await page.getByLabel('详细情况').pressSequentially('能否加快？')
  await expect(page.getByText('已自动保存在这部手机上')).toBeVisible()

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '刷新' }).click()])
  await expect(page.locator('html')).not.toHaveAttribute('data-build-id', firstBuild ?? '')
  await expect(page.getByText('新版本已就绪')).toBeHidden()
  await expect(page.getByLabel('标题')).toHaveValue('社保转移问题')
  await expect(page.getByLabel('详细情况')).toHaveValue(
    '跨市转移社保关系，窗口说要等一个月，能否加快？',
  )
})
