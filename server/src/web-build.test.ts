import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { webBuildIsStale } from './web-build'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function file(path: string, secondsAgo: number) {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, '')
  const at = Date.now() / 1000 - secondsAgo
  utimesSync(path, at, at)
}

describe('webBuildIsStale', () => {
  it('is stale with no build, fresh when the build is newer than every source, stale when a source changed since', () => {
    dir = mkdtempSync(join(tmpdir(), 'kangban-web-build-'))
    const index = join(dir, 'dist', 'index.html')
    const sources = [join(dir, 'web'), join(dir, 'shared'), join(dir, 'vite.config.ts')]
    file(join(dir, 'web', 'src', 'a.vue'), 300)
    file(join(dir, 'shared', 'deep', 'b.ts'), 300)
    file(join(dir, 'vite.config.ts'), 300)
    for (const d of ['web/src', 'web', 'shared/deep', 'shared'])
      utimesSync(join(dir, d), Date.now() / 1000 - 300, Date.now() / 1000 - 300)
    expect(webBuildIsStale(index, sources)).toBe(true)
    file(index, 100)
    expect(webBuildIsStale(index, sources)).toBe(false)
    file(join(dir, 'shared', 'deep', 'b.ts'), 10)
    expect(webBuildIsStale(index, sources)).toBe(true)
  })
})
