import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const households = sqliteTable('households', {
  id: text().primaryKey(),
  address: text().notNull(),
  region: text().notNull(),
})

/** The resident's electronic health record header (电子健康档案). Ids are random, never sequential. */
export const residents = sqliteTable('residents', {
  id: text().primaryKey(),
  name: text().notNull(),
  sex: text({ enum: ['male', 'female'] }).notNull(),
  birthDate: text().notNull(),
  idNumber: text().notNull().unique(),
  phone: text(),
  householdId: text().references(() => households.id),
  // 与户主关系, as the household register records it
  relationToHead: text({ enum: ['head', 'spouse', 'child', 'parent', 'grandchild', 'other'] }),
  hukouRegion: text().notNull(),
  residenceRegion: text().notNull(),
  township: text().notNull(),
  address: text().notNull(),
  residencePermitSince: text(),
  insurance: text({ enum: ['resident', 'employee', 'none'] }).notNull(),
  insuranceRegion: text(),
  schoolStage: text({ enum: ['primary', 'secondary', 'college'] }),
  publicEmployee: integer({ mode: 'boolean' }).notNull().default(false),
  smoker: integer({ mode: 'boolean' }),
  familyHistoryCvd: integer({ mode: 'boolean' }),
  status: text({ enum: ['active', 'moved-away', 'deceased'] }).notNull().default('active'),
  statusSince: text(),
  recordOpenedOn: text().notNull(),
}, t => [
  index('residents_household_idx').on(t.householdId),
  index('residents_phone_idx').on(t.phone),
])
