/** A running wait as a clock: "0:45", "12:05", "1:02:03" (ticks every second, unlike "3 min"). */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1_000);
  const [h, m, s] = [Math.floor(total / 3_600), Math.floor((total % 3_600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
