import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { resetDocument } from './reset-document'

afterEach(() => {
  cleanup()
  localStorage.clear()
  resetDocument()
})
