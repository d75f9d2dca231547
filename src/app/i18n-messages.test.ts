import { describe, expect, it, vi } from 'vitest'
import { staffMessages } from '@/features/staff/common/locales/messages'
import { addMessages, createI18n } from '@/lib/i18n'

// (src/test/setup.ts has already added the console's strings, as the console's chunk does.)
describe('messages a lazily loaded part brings (the console’s)', () => {
  it('are there in Chinese at once, and in English with the owner’s strings when English loads', async () => {
    addMessages(staffMessages)
    const i18n = createI18n()
    expect(i18n.t('staff.screens.queue')).toBe('待办工单')
    await i18n.changeLanguage('en')
    // The owner's English (loaded lazily) is not lost to the console's, nor the other way.
    expect(i18n.t('home.title')).toBe('Report a problem')
    expect(i18n.t('staff.screens.queue')).not.toMatch(/待办|staff\.screens/)
  })

  it('reach an instance that loaded English before they came', async () => {
    const i18n = createI18n()
    await i18n.changeLanguage('en')
    addMessages({ 'zh-CN': { lateExtra: { word: '甲' } }, en: { lateExtra: { word: 'A' } } })
    expect(i18n.getResource('en', 'lateExtra.word')).toBe('A')
    expect(i18n.getResource('zh-CN', 'lateExtra.word')).toBe('甲')
    expect(i18n.t('home.title')).toBe('Report a problem')
  })
})

// The app without src/test/setup.ts's additions: a fresh copy of lib/i18n, as the first load has it.
describe('the owner screens’ Chinese', () => {
  async function freshI18n() {
    vi.resetModules()
    return import('@/lib/i18n')
  }

  it('is not in the first load, and is there once loadScreenMessages has run', async () => {
    const { createI18n, loadScreenMessages } = await freshI18n()
    const i18n = createI18n()
    // Home and the report form's frame draw from the first load's strings.
    expect(i18n.t('home.title')).toBe('反映问题')
    expect(i18n.t('draft.title')).toBe('填写反映')
    expect(i18n.exists('tickets.title')).toBe(false)
    await loadScreenMessages()
    expect(i18n.t('tickets.title')).toBe('我的工单')
    // Merged into the keys the first load already had, not in place of them.
    expect(i18n.t('draft.saving')).toBe('正在保存…')
    expect(i18n.t('draft.title')).toBe('填写反映')
  })

  it('leaves English whole, before and after it loads', async () => {
    const { createI18n, loadScreenMessages } = await freshI18n()
    const i18n = createI18n()
    await loadScreenMessages()
    await i18n.changeLanguage('en')
    expect(i18n.t('tickets.title')).toBe('My tickets')
    expect(i18n.t('draft.saving')).toBe('Saving…')
    await i18n.changeLanguage('zh-CN')
    expect(i18n.t('tickets.title')).toBe('我的工单')
  })
})
