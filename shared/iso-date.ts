/**
 * A calendar date `YYYY-MM-DD`. Its own module so that validating a date (every API schema does)
 * does not pull the date arithmetic of shared/dates.ts into the phone's first screen.
 */
export const isoDatePattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/
