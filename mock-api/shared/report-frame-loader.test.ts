import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import {
  REPORT_FRAME_LOADER,
  REPORT_FRAME_SCRIPTS_META,
  reportFrameScriptsMeta,
} from './report-frame-loader.js'

// The loader is a string the browser runs inline in report.html; here it runs against a small
// stand-in for the document and the timers, so each step can be taken by hand. (e2e/report-frame
// runs it in Chromium, where the page only starts if it works.)

type FakeElement = {
  tag: string
  type?: string
  src?: string
  rel?: string
  as?: string
  href?: string
  crossOrigin?: string | null
  onload?: (() => void) | null
  onerror?: (() => void) | null
}

function page({ content, hidden = false }: { content: string | null; hidden?: boolean }) {
  const head: FakeElement[] = []
  const frames: (() => void)[] = []
  const timers: { run: () => void; delay: number }[] = []
  const document = {
    visibilityState: hidden ? 'hidden' : 'visible',
    querySelector: (selector: string) =>
      selector === `meta[name="${REPORT_FRAME_SCRIPTS_META}"]` && content !== null
        ? { content }
        : null,
    createElement: (tag: string): FakeElement => ({ tag }),
    head: { append: (element: FakeElement) => head.push(element) },
  }
  runInNewContext(REPORT_FRAME_LOADER, {
    document,
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    setTimeout: (callback: () => void, delay = 0) => timers.push({ run: callback, delay }),
  })
  return {
    head,
    /** The next animation frame, then any task that queues without delay. */
    frame() {
      frames.splice(0).forEach((callback) => callback())
      timers
        .splice(0)
        .filter((timer) => {
          if (timer.delay === 0) timer.run()
          return timer.delay !== 0
        })
        .forEach((timer) => timers.push(timer))
    },
    /** The frame painted, and the next: the frame is on screen for sure. */
    paint() {
      this.frame()
      this.frame()
    },
    /** The next task that queued without delay; false if none did. */
    task() {
      const index = timers.findIndex((timer) => timer.delay === 0)
      if (index === -1) return false
      timers.splice(index, 1)[0]?.run()
      return true
    },
    /** The one-second fallback. */
    late() {
      timers.splice(0).forEach((timer) => timer.run())
    },
    paths: () => head.map((element) => element.src ?? element.href),
  }
}

const META = reportFrameScriptsMeta(
  ['/assets/index-a.js', '/assets/runtime-b.js', '/assets/react-c.js'],
  ['/assets/draft-d.js', '/assets/field-e.css', '/assets/dexie-f.js'],
)
const CONTENT = /content="([^"]*)"/.exec(META)?.[1] ?? ''

describe('report.html’s loader', () => {
  it('writes the entry and its vendor chunks, a bar, then the form’s files into the meta', () => {
    expect(META).toBe(
      `<meta name="${REPORT_FRAME_SCRIPTS_META}" content="/assets/index-a.js /assets/runtime-b.js ` +
        '/assets/react-c.js | /assets/draft-d.js /assets/field-e.css /assets/dexie-f.js">',
    )
  })

  it('asks for nothing until a frame after the frame’s paint, then for the entry and the vendor chunks', () => {
    const loaded = page({ content: CONTENT })
    expect(loaded.head).toEqual([])
    loaded.frame()
    expect(loaded.head).toEqual([])
    loaded.frame()
    expect(loaded.head).toEqual([
      { tag: 'script', type: 'module', src: '/assets/index-a.js', crossOrigin: '' },
      expect.objectContaining({
        rel: 'modulepreload',
        href: '/assets/runtime-b.js',
        crossOrigin: '',
      }),
      expect.objectContaining({
        rel: 'modulepreload',
        href: '/assets/react-c.js',
        crossOrigin: '',
      }),
    ])
  })

  it('asks for the form’s files once every vendor chunk is in, or has failed, and only once', () => {
    const loaded = page({ content: CONTENT })
    loaded.paint()
    const [, runtime, react] = loaded.head
    runtime?.onload?.()
    expect(loaded.paths()).toHaveLength(3)
    react?.onerror?.()
    // One file a task: appending a modulepreload link costs the main thread a few ms each on a
    // slow phone, and all of them in the vendor chunk's load event made one long task.
    expect(loaded.paths()).toHaveLength(4)
    expect(loaded.task()).toBe(true)
    expect(loaded.paths()).toHaveLength(5)
    while (loaded.task());
    expect(loaded.paths()).toEqual([
      '/assets/index-a.js',
      '/assets/runtime-b.js',
      '/assets/react-c.js',
      '/assets/draft-d.js',
      '/assets/field-e.css',
      '/assets/dexie-f.js',
    ])
    // A stylesheet is only fetched (it applies when the form's code adds it), scripts preloaded.
    expect(loaded.head[4]).toEqual({
      tag: 'link',
      rel: 'preload',
      as: 'style',
      href: '/assets/field-e.css',
      crossOrigin: '',
    })
    expect(loaded.head[5]).toMatchObject({ rel: 'modulepreload', href: '/assets/dexie-f.js' })
    react?.onload?.()
    loaded.late()
    expect(loaded.paths()).toHaveLength(6)
  })

  it('starts at once on a hidden page, which paints nothing, and asks for the form’s files together', () => {
    const loaded = page({ content: CONTENT, hidden: true })
    expect(loaded.paths()).toEqual([
      '/assets/index-a.js',
      '/assets/runtime-b.js',
      '/assets/react-c.js',
    ])
    // Its timers run about once a second (Chromium): not one file a task there.
    loaded.head[1]?.onload?.()
    loaded.head[2]?.onload?.()
    expect(loaded.paths()).toHaveLength(6)
  })

  it('starts after a second when no frame comes, and not again when one does', () => {
    const loaded = page({ content: CONTENT })
    loaded.late()
    expect(loaded.paths()).toHaveLength(3)
    loaded.paint()
    expect(loaded.paths()).toHaveLength(3)
  })

  it('loads nothing from outside /assets/, and the form’s files at once when the entry stands alone', () => {
    const loaded = page({
      content:
        'https://evil.example/x.js /assets/index-a.js | //evil.example/y.js /assets/draft-d.js',
    })
    loaded.paint()
    while (loaded.task());
    expect(loaded.paths()).toEqual(['/assets/index-a.js', '/assets/draft-d.js'])
    const empty = page({ content: null })
    empty.paint()
    empty.late()
    expect(empty.head).toEqual([])
  })
})
