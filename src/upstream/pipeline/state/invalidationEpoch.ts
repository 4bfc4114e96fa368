/**
 * Counts tag invalidations in this process. A result fetched across one (the count changed between
 * asking and storing) may predate the change that caused it, so it is not stored: the upstream cache and
 * the response cache both check it. Conservative on purpose: invalidations come from rare mutations such as
 * a batch scan.
 */
export class InvalidationEpoch {
  private count = 0;

  get current(): number {
    return this.count;
  }

  bump(): void {
    this.count += 1;
  }
}
