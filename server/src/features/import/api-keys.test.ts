import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/test-app'
import { sha256 } from '../auth/secrets'
import { fhirBundle, postImport } from './import.fixture'
import { createApiKey } from './api-keys'

describe('createApiKey', () => {
  it('makes a key that imports for its institution only, stored as its hash', async () => {
    const t = await testApp()
    const created = createApiKey(t.db, '暨阳街道社区卫生服务中心', 'LIS 2027', Date.now())
    expect(created).toMatchObject({ institutionId: 'instjiyangaaaaaa', institutionName: '暨阳街道社区卫生服务中心' })
    expect(created.key).toMatch(/^kb_[\w-]{43}$/)
    expect(t.sqlite.prepare('select count(*) n from api_keys where key_hash = ?').get(created.key)).toEqual({ n: 0 })
    expect(t.sqlite.prepare('select institution_id, label from api_keys where key_hash = ?').get(sha256(created.key))).toEqual({ institution_id: 'instjiyangaaaaaa', label: 'LIS 2027' })
    // the key works: an empty bundle is refused for what it is (400), not for the key (401)
    const response = await postImport(t.app, fhirBundle([]), { key: created.key })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.field).toBe('entry')
  })

  it('refuses an institution it cannot name exactly', async () => {
    const t = await testApp()
    expect(() => createApiKey(t.db, '没有这个机构', 'x', 0)).toThrow(/no institution/)
    expect(t.sqlite.prepare('select count(*) n from api_keys').get()).toEqual({ n: 3 })
  })
})
