import { describe, expect, it } from 'vitest'
import { longTasksOf } from './long-tasks.mjs'

const MAIN = { pid: 1, tid: 7 }
const ms = (n: number) => n * 1000
const task = (at: number, dur: number) => ({
  ...MAIN,
  name: 'RunTask',
  ph: 'X',
  ts: ms(at),
  dur: ms(dur),
})
const part = (name: string, at: number, dur: number, url?: string) => ({
  ...MAIN,
  name,
  ph: 'X',
  ts: ms(at),
  dur: ms(dur),
  args: url ? { data: { url } } : {},
})

describe('longTasksOf', () => {
  const events = [
    { name: 'navigationStart', ph: 'R', ts: ms(1000), args: { data: { navigationId: 'n1' } } },
    { name: 'firstContentfulPaint', ph: 'R', ts: ms(1300), args: { data: { navigationId: 'n1' } } },
    { ...MAIN, name: 'thread_name', ph: 'M', args: { name: 'CrRendererMain' } },
    // before the first paint: not counted
    task(1100, 120),
    // a script that forces a layout: the layout is the script's
    task(1400, 80),
    part('FunctionCall', 1400, 70, 'http://localhost/assets/react-abc.js'),
    part('Layout', 1450, 15),
    // short: not a long task
    task(1600, 30),
    part('v8.evaluateModule', 1600, 29),
    // module evaluation and the style it leads to
    task(1700, 60),
    part('v8.evaluateModule', 1700, 40),
    part('UpdateLayoutTree', 1745, 12),
    // another renderer's task is not the page's
    { pid: 2, tid: 9, name: 'RunTask', ph: 'X', ts: ms(1800), dur: ms(200) },
  ]

  it('lists the main thread’s tasks of 50 ms or more after the first paint, with their parts', () => {
    expect(longTasksOf(events)).toEqual({
      fcpMs: 300,
      tasks: [
        { atMs: 400, ms: 80, parts: [{ label: 'script react-abc.js', ms: 70 }] },
        {
          atMs: 700,
          ms: 60,
          parts: [
            { label: 'module evaluation', ms: 40 },
            { label: 'style', ms: 12 },
          ],
        },
      ],
    })
  })

  it('gives nothing for a trace without a first contentful paint', () => {
    expect(longTasksOf(events.filter((e) => e.name !== 'firstContentfulPaint'))).toBeNull()
  })
})
