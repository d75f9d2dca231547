// Accessibility checks inside the journeys (issue 17): axe-core with the WCAG 2.2 AA rules,
// `target-size` (2.5.8) among them, on the screen as the journey left it — forms open included.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const

/** Fails with each violated rule, its impact and the elements at fault. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze()
  const found = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }))
  expect(found, `axe on ${screen}`).toEqual([])
}
