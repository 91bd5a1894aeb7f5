/**
 * A part of the record as people call it, from the word the server's access log and notices use
 * (`exams`, `bookings` …); a word this version does not know is shown as it came.
 */
export function sectionName(what: string, t: (key: string) => string): string {
  const key = `accessLog.what.${what}`
  const name = t(key)
  return name === key ? what : name
}
