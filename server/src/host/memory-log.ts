/**
 * With ACQUIS_DEBUG=1, the memory of the process (its workers included) written to stderr at most
 * every half second while a large acquis is built, and at each step named: where the peak
 * happens. The build is synchronous, so samples are taken where it calls, not on a timer.
 */
let last = 0;
let peak = 0;

/** Write a sample if half a second has passed (or always, with `force`). */
export function memorySample(step: string, force = false): void {
  if (!process.env.ACQUIS_DEBUG) return;
  const now = Date.now();
  if (!force && now - last < 500) return;
  last = now;
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  const mb = (n: number): string => `${Math.round(n / 1048576)}`;
  process.stderr.write(
    `acquis: memory at ${step}: rss ${mb(m.rss)} MB (peak ${mb(peak)}), heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}\n`,
  );
}
