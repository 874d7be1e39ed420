/**
 * Answer times of a paced load (a set rate per connection), corrected for
 * coordinated omission as HdrHistogram's recordValueWithExpectedInterval does:
 * a connection sends its next request only after an answer, so an answer that
 * took k request intervals stands for the k requests it held back, recorded at
 * what they would have waited. autocannon makes this correction with an
 * interval of ceil(1 / rate) = 1 ms for any rate under 1,000/s per connection,
 * so one 0.8 s answer counted as 800 answers (issue 19's p99 "stalls").
 */
export class PacedLatencies {
  private readonly values: number[] = []

  constructor(private readonly intervalMs: number) {
    if (!(intervalMs > 0)) throw new Error(`a request interval must be positive, got ${intervalMs}`)
  }

  record(ms: number): void {
    this.values.push(ms)
    for (let heldBack = ms - this.intervalMs; heldBack >= this.intervalMs; heldBack -= this.intervalMs) this.values.push(heldBack)
  }

  get count(): number {
    return this.values.length
  }

  /** The smallest recorded value that `share` (0–1) of the values do not exceed; 0 with none. */
  percentile(share: number): number {
    if (this.values.length === 0) return 0
    const sorted = [...this.values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!
  }
}
