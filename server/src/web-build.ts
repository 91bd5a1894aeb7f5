import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The newest modification time of any file below `path` (or of `path` itself), in ms. */
function newestChange(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory())
    return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path))
    newest = Math.max(newest, newestChange(join(path, entry)))
  return newest
}

/**
 * Whether the built PWA at `builtIndex` is missing or older than its sources, so that `npm start`
 * after a `git pull` serves the code that was pulled, not the build of the day before.
 */
export function webBuildIsStale(builtIndex: string, sources: readonly string[]): boolean {
  if (!existsSync(builtIndex))
    return true
  const built = statSync(builtIndex).mtimeMs
  return sources.some(source => existsSync(source) && newestChange(source) > built)
}
