/**
 * The same feed as a `webcal://` link: phone calendars (iOS, most Android calendar apps)
 * subscribe to it on a tap, where an `https://` link would only download the file once.
 */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//i, 'webcal://')
}
