/**
 * Puts change events back in id order. On PostgreSQL an id is taken at insert and becomes
 * visible at commit, so id 11 can be read while 10 is still in flight; a reader that only asks
 * for "after the highest id seen" would skip 10 for good. So every id skipped over is a gap:
 * events above the lowest gap are held back until it fills (normally within milliseconds) or
 * until `graceMs` pass (a rolled-back insert never fills). Held-back order is what makes a
 * stream position exact: a client that got id N has every event below N, so resuming "after N"
 * misses nothing. A gap given up on is still watched for `lateMs`; if it commits after all it is
 * released out of order (late) rather than lost. SQLite commits one writer at a time, in id order.
 */

export type Sequenced = { id: number }

export type OrderOptions = {
  /** How long events above a gap wait for it. */
  graceMs: number
  /** How long a given-up gap is still read, to release it late if it shows up. */
  lateMs: number
  /** Gaps tracked at most; a bigger jump (a sequence skipping ahead) is not waited for. */
  maxGaps: number
}

export type Released<T> = { inOrder: T[]; late: T[] }

export class EventOrder<T extends Sequenced> {
  /** The highest id read so far. */
  private cursor = 0
  private readonly pending = new Map<number, T>()
  /** id → when the gap was noticed (ms). */
  private readonly gaps = new Map<number, number>()
  /** id → when the gap was given up on (ms). */
  private readonly late = new Map<number, number>()

  constructor(private readonly options: OrderOptions) {}

  /**
   * Starts from the newest stored events (any order): nothing is released for them, but a gap
   * among them is waited for when the event above it is recent (it may be a commit in flight).
   */
  seed(rows: readonly T[], isRecent: (row: T) => boolean, nowMs: number): void {
    const sorted = [...rows].sort((a, b) => a.id - b.id)
    for (const [index, row] of sorted.entries()) {
      const below = sorted[index - 1]
      if (below) this.noteGaps(below.id, row.id, isRecent(row) ? this.gaps : this.late, nowMs)
      this.pending.set(row.id, row)
      this.cursor = row.id
    }
    this.dropReleasable()
  }

  /** Ids below the cursor still worth reading: open gaps and late ones. */
  awaited(): number[] {
    return [...this.gaps.keys(), ...this.late.keys()]
  }

  /** Every event up to here is released or given up on; later ones are released later. */
  get watermark(): number {
    const lowest = this.lowestGap()
    return lowest === null ? this.cursor : lowest - 1
  }

  /** Events are held back for a gap that may still fill: read again soon even if nothing wakes. */
  get isWaiting(): boolean {
    return this.gaps.size > 0
  }

  get highest(): number {
    return this.cursor
  }

  /** Takes rows read after `highest` or among `awaited()`; returns what may go out now. */
  take(rows: readonly T[], nowMs: number): Released<T> {
    const late: T[] = []
    for (const row of [...rows].sort((a, b) => a.id - b.id)) {
      if (row.id > this.cursor) {
        this.noteGaps(this.cursor, row.id, this.gaps, nowMs)
        this.cursor = row.id
        this.pending.set(row.id, row)
      } else if (this.gaps.delete(row.id)) {
        this.pending.set(row.id, row)
      } else if (this.late.delete(row.id)) {
        late.push(row)
      }
    }
    this.expire(nowMs)
    return { inOrder: this.dropReleasable(), late }
  }

  private noteGaps(from: number, to: number, into: Map<number, number>, nowMs: number): void {
    const room = this.options.maxGaps - this.gaps.size - this.late.size
    const first = Math.max(from + 1, to - room)
    for (let id = first; id < to; id++) into.set(id, nowMs)
  }

  private expire(nowMs: number): void {
    for (const [id, since] of this.late) {
      if (nowMs - since >= this.options.lateMs) this.late.delete(id)
    }
    for (const [id, since] of this.gaps) {
      if (nowMs - since < this.options.graceMs) continue
      this.gaps.delete(id)
      this.late.set(id, nowMs)
    }
  }

  private lowestGap(): number | null {
    let lowest: number | null = null
    for (const id of this.gaps.keys()) if (lowest === null || id < lowest) lowest = id
    return lowest
  }

  private dropReleasable(): T[] {
    const limit = this.lowestGap() ?? Infinity
    const ready = [...this.pending.values()].filter((row) => row.id < limit)
    for (const row of ready) this.pending.delete(row.id)
    return ready.sort((a, b) => a.id - b.id)
  }
}
