import { flatnessOf, trendOf } from '../../bench/soak';

/** Samples every 5 s over `seconds`, RSS from `rssAt(atS)`. */
function samples(seconds: number, rssAt: (atS: number) => number): { atS: number; rssMb: number }[] {
  return Array.from({ length: seconds / 5 + 1 }, (_, i) => ({ atS: i * 5, rssMb: rssAt(i * 5) }));
}

describe('RSS soak flatness', () => {
  it('is not moved by a garbage-collection spike in the last sample', () => {
    const spiky = samples(600, (atS) => (atS === 600 ? 225 : 150));
    const { firstMinuteMedianMb, lastMinuteMedianMb, lastOverFirstMinute } = flatnessOf(spiky);
    expect(firstMinuteMedianMb).toBe(150);
    expect(lastMinuteMedianMb).toBe(150);
    expect(lastOverFirstMinute).toBe(1);
  });

  it('shows a steady climb', () => {
    // 150 MB growing 10 MB a minute: the first minute's median is 155, the last's 245.
    const { firstMinuteMedianMb, lastMinuteMedianMb, lastOverFirstMinute } = flatnessOf(
      samples(600, (atS) => 150 + atS / 6),
    );
    expect(firstMinuteMedianMb).toBe(155);
    expect(lastMinuteMedianMb).toBe(245);
    expect(lastOverFirstMinute).toBeCloseTo(245 / 155, 6);
  });

  it('uses a fifth of a soak shorter than five minutes at each end', () => {
    const { firstMinuteMedianMb, lastMinuteMedianMb } = flatnessOf(samples(100, (atS) => atS));
    // Windows of 20 s: samples 0..20 and 80..100.
    expect(firstMinuteMedianMb).toBe(10);
    expect(lastMinuteMedianMb).toBe(90);
  });
});

describe('RSS soak trend', () => {
  it('is flat through a garbage-collection saw-tooth whose teeth fall unevenly at the ends', () => {
    // 130 → 220 MB every 50 s: the last minute's median is 11 % above the first's; the line through all
    // samples rises 3 %.
    const sawTooth = samples(600, (atS) => 130 + ((atS % 50) / 50) * 90);
    const { lastOverFirstMinute } = flatnessOf(sawTooth);
    const { trendStartMb, trendEndMb, trendEndOverStart } = trendOf(sawTooth);
    expect(lastOverFirstMinute).toBeGreaterThan(1.1);
    expect(trendEndOverStart).toBeLessThan(1.05);
    expect(Math.abs(trendEndMb - trendStartMb)).toBeLessThan(10);
  });

  it('shows a steady climb', () => {
    const { trendStartMb, trendEndMb, trendEndOverStart } = trendOf(samples(600, (atS) => 150 + atS / 6));
    expect(trendStartMb).toBeCloseTo(150, 6);
    expect(trendEndMb).toBeCloseTo(250, 6);
    expect(trendEndOverStart).toBeCloseTo(250 / 150, 6);
  });
});
