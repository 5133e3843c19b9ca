/** "3 h ago" style age of an ISO time, for freshness labels. */
export function ageOf(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, (now.getTime() - Date.parse(iso)) / 1000);
  if (seconds < 90) return 'just now';
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}

/** A date-time as the reader's locale writes it. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString();
}
