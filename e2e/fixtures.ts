import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { E2E_WWW } from './places.mjs'

/** Resolves once the service worker controls the page (first install claims it at once). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null)
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
}

/** Asks the browser to look for a new service worker now, as it does on its own hourly. */
export async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    await registration?.update()
  })
}

/**
 * Builds the app again with another build id and copies it over what the e2e server serves,
 * the way a deployment replaces files under a running server.
 */
export function deployNewBuild(buildId: string): void {
  const outDir = mkdtempSync(join(tmpdir(), 'guishang-e2e-build-'))
  const result = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    env: { ...process.env, BUILD_ID: buildId },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`vite build for ${buildId} failed:\n${result.stderr}`)
  cpSync(outDir, E2E_WWW, { recursive: true })
  rmSync(outDir, { recursive: true, force: true })
}

/** Opens a new draft and fills its title and description. */
export async function writeDraft(page: Page, title: string, description: string): Promise<void> {
  await page.goto('/drafts/new')
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/)
  await page.getByLabel('标题').fill(title)
  await page.getByLabel('详细情况').fill(description)
  await page.getByText('已自动保存在这部手机上').waitFor()
}
