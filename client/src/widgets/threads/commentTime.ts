/**
 * When a comment was written: in the reader's zone, and the writer's local time alongside when
 * the two differ (people twelve time zones apart read each other asynchronously).
 */
export function commentTimes(
  at: number,
  writerZone: string,
  readerZone: string,
  uiLanguage: string,
): { reader: string; writer: string | null } {
  const format = (timeZone: string) => {
    try {
      return new Intl.DateTimeFormat(uiLanguage, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone,
      }).format(at);
    } catch {
      return new Intl.DateTimeFormat(uiLanguage, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(at);
    }
  };
  const reader = format(readerZone);
  const writer = format(writerZone);
  return { reader, writer: writer === reader ? null : writer };
}
