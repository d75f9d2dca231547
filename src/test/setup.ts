import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'
import { staffMessages } from '@/features/staff/common/locales/messages'
import { addMessages } from '@/lib/i18n'
import { zhCNScreens } from '@/lib/locales/zh-cn-screens'
import { resetDocument } from './reset-document'

// In the app the console's strings arrive with its chunk (app/routes/staff/staff-screens.ts), and
// the owner screens' Chinese with the first lazy screen (lib/i18n.ts, loadScreenMessages);
// component tests render screens and console pieces without those chunks, so every test has them.
addMessages(staffMessages)
addMessages({ 'zh-CN': zhCNScreens })

// findBy*/waitFor return as soon as what they wait for is there; this only bounds how long a
// broken screen takes to fail. The first query after renderRoute waits for a lazy screen, an
// IndexedDB read and an antd-mobile render: 0.1-0.2 s on a quiet machine, past the 1 s default
// on 2 cores at load 10 (measured). 3 s stays below the 5 s test limit, so such a failure still
// reports the query and the DOM rather than a bare timeout.
configure({ asyncUtilTimeout: 3_000 })

afterEach(() => {
  cleanup()
  localStorage.clear()
  resetDocument()
})
