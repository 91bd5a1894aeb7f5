import type { BulkLoad, TableWriter } from './bulk-load'

/** One writer per table the seed fills, with the columns in the order rows are given. */
export interface Tables {
  institutions: TableWriter
  apiKeys: TableWriter
  careTeams: TableWriter
  staff: TableWriter
  accounts: TableWriter
  households: TableWriter
  residents: TableWriter
  contracts: TableWriter
  proxyGrants: TableWriter
  conditions: TableWriter
  allergies: TableWriter
  encounters: TableWriter
  followups: TableWriter
  immunizations: TableWriter
  medications: TableWriter
  screenings: TableWriter
  exams: TableWriter
  examItems: TableWriter
  examPackages: TableWriter
  examSlots: TableWriter
  homeMeasurements: TableWriter
}

export function openTables(load: BulkLoad): Tables {
  return {
    institutions: load.writer('institutions', ['id', 'name', 'kind', 'region', 'address', 'phone']),
    apiKeys: load.writer('api_keys', ['id', 'institution_id', 'key_hash', 'label', 'created_at']),
    careTeams: load.writer('care_teams', ['id', 'institution_id', 'name']),
    staff: load.writer('staff', ['id', 'account_id', 'name', 'role', 'institution_id', 'team_id', 'title', 'reply_time']),
    accounts: load.writer('accounts', ['id', 'phone', 'resident_id', 'display_name', 'status', 'created_at']),
    households: load.writer('households', ['id', 'address', 'region']),
    residents: load.writer('residents', [
      'id', 'name', 'sex', 'birth_date', 'id_number', 'phone', 'household_id', 'relation_to_head', 'hukou_region', 'residence_region',
      'township', 'address', 'residence_permit_since', 'insurance', 'insurance_region', 'school_stage', 'public_employee', 'smoker',
      'family_history_cvd', 'status', 'status_since', 'record_opened_on',
    ]),
    contracts: load.writer('contracts', ['id', 'resident_id', 'doctor_id', 'team_id', 'service_package', 'signed_on', 'starts_on', 'ends_on', 'ended_on']),
    proxyGrants: load.writer('proxy_grants', ['id', 'resident_id', 'grantee_phone', 'grantee_account_id', 'relationship', 'scopes', 'status', 'created_at', 'accepted_at']),
    conditions: load.writer('conditions', ['id', 'resident_id', 'code', 'name', 'diagnosed_on', 'managed', 'sensitive']),
    allergies: load.writer('allergies', ['id', 'resident_id', 'substance', 'reaction', 'recorded_on']),
    encounters: load.writer('encounters', ['id', 'resident_id', 'institution_id', 'date', 'kind', 'department', 'diagnosis', 'sensitive']),
    followups: load.writer('followups', ['id', 'resident_id', 'staff_id', 'date', 'programme', 'mode', 'sbp', 'dbp', 'fasting_glucose', 'classification', 'next_date']),
    immunizations: load.writer('immunizations', ['id', 'resident_id', 'vaccine', 'date', 'institution_id', 'self_reported']),
    medications: load.writer('medications', ['id', 'resident_id', 'name', 'dose', 'frequency', 'started_on', 'stopped_on']),
    screenings: load.writer('screenings', ['id', 'resident_id', 'kind', 'date', 'result']),
    exams: load.writer('exams', ['id', 'resident_id', 'institution_id', 'external_id', 'date', 'status', 'worst', 'released_on', 'released_by']),
    examItems: load.writer('exam_items', ['exam_id', 'code', 'value', 'value_text', 'flag', 'unit', 'ref_low', 'ref_high']),
    examPackages: load.writer('exam_packages', ['id', 'institution_id', 'kind', 'name_zh', 'name_en', 'price_fen', 'subsidy_fen', 'recommended']),
    examSlots: load.writer('exam_slots', ['id', 'institution_id', 'date', 'half_day', 'capacity']),
    homeMeasurements: load.writer('home_measurements', ['id', 'resident_id', 'kind', 'taken_at', 'taken_on', 'sbp', 'dbp', 'pulse', 'glucose', 'timing', 'weight_kg', 'waist_cm', 'recorded_by_account_id', 'recorded_by_name']),
  }
}
