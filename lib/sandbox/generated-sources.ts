import 'server-only'
import type { DsConnection } from '@/lib/bigid/ds-connection'

/**
 * Made-up sources for big-response benchmarks (SANDBOX_EXTRA_SOURCES). Each
 * is named `generated-NNNNN` so no one mistakes it for recorded data. Fields
 * by type are only those the recorded sources show; the other rdb-* types
 * reuse rdb-mysql's. Values are derived from the index, so every run and
 * every replica builds the same list.
 */
export function generateSources(count: number): DsConnection[] {
  return Array.from({ length: count }, (_, index) => generateSource(index + 1))
}

const firstUpdate = Date.parse('2023-04-01T00:00:00.000Z')
const minuteMs = 60_000
const dayMs = 24 * 60 * minuteMs

const locations = [
  'United Kingdom',
  'New York',
  'Switzerland',
  'Indonesia',
  'France',
  'Israel',
  'Sweden',
  'Japan',
  'California',
  'Netherlands',
  'Canada',
  'Singapore',
  'Australia',
  'Brazil',
  'New Zealand',
  'India',
  'Germany',
  'Texas',
  'Ireland',
  'South Africa',
] as const

const databases = ['rockstream', 'billing', 'crm', 'analytics', 'hr'] as const

const securityTiers = ['1', '2', '3', '4', '5'] as const

const awsRegions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const

type TypeFields = (number: string, index: number) => Record<string, unknown>

function relationalFields(host: string): TypeFields {
  return (number, index) => ({
    rdb_url: `${host}-${number}.example.com`,
    rdb_name: pick(databases, index),
    rdb_comma_sep_table_list: '',
  })
}

const fieldsByType: ReadonlyArray<readonly [string, TypeFields]> = [
  ['rdb-mysql', relationalFields('mysql')],
  ['rdb-postgresql', relationalFields('postgres')],
  ['rdb-mssql', relationalFields('mssql')],
  ['rdb-oracle', relationalFields('oracle')],
  [
    's3',
    (number, index) => ({
      bucket_name: `generated-bucket-${number}`,
      aws_region: pick(awsRegions, index),
      isIamRoleAuth: true,
    }),
  ],
  [
    'smb',
    (number) => ({
      smbServer: `smb-${number}.example.com`,
      sharedResource: `Public\\generated-${number}`,
    }),
  ],
  [
    'mongodb',
    (number, index) => ({
      mongo_url: `mongo-${number}.example.com`,
      mongo_db_name: pick(databases, index),
      authentication_db: 'admin',
    }),
  ],
  [
    'googledrive',
    (number) => ({
      google_service_account_user: `service-${number}@example.com`,
      isGoogleServiceAccount: true,
      folder_to_scan: 'Shared',
    }),
  ],
  [
    'salesforce',
    (number) => ({
      is_salesforce_custom_url: true,
      salesforce_custom_url: `https://crm-${number}.example.com`,
    }),
  ],
  [
    'generic-rest-api',
    (number) => ({ generic_server_url: `https://rest-${number}.example.com` }),
  ],
]

function generateSource(index: number): DsConnection {
  const number = String(index).padStart(5, '0')
  const name = `generated-${number}`
  const [type, typeFields] = pick(fieldsByType, index - 1)
  const updatedMs = firstUpdate + index * minuteMs + ((index * 7919) % 1000)
  const createdMs = updatedMs - 30 * dayMs - index * 1000
  const owner = `owner${(index % 20) + 1}@example.com`
  const isScanSuccess = index % 13 !== 0

  return {
    _id: objectId(createdMs, index),
    owners: [owner],
    differential: false,
    password: '******',
    name,
    ...typeFields(number, index),
    classification_is_enabled: true,
    updatedPasswords: [],
    type,
    location: pick(locations, index),
    security_tier: pick(securityTiers, index),
    scanner_strategy: 'SCAN_ALL',
    enabled: index % 9 === 0 ? 'no' : 'yes',
    custom_fields: [],
    username: 'bigid',
    last_scan_at: updatedMs - 1000,
    scan_is_success: isScanSuccess,
    owners_v2: [
      {
        id: owner,
        email: owner,
        origin: 'legacy',
        type: 'it',
        isNotified: true,
      },
    ],
    updated_at: new Date(updatedMs).toISOString(),
    connectionStatusTest: {
      is_success: true,
      last_connection: new Date(createdMs + dayMs).toISOString(),
    },
    connectionStatusDeleteFindings: {},
    archived: false,
    id: name,
    created_at: new Date(createdMs).toISOString(),
    scanner_group: 'default',
    tags: index % 4 === 0 ? [environmentTag(index)] : [],
    connectionStatusScan: {
      is_success: isScanSuccess,
      last_connection: new Date(updatedMs - 50).toISOString(),
    },
  }
}

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length]
  if (item === undefined) throw new RangeError('pick needs a non-empty list')
  return item
}

/** A MongoDB-style id: creation seconds, then a counter, all hex. */
function objectId(createdMs: number, index: number): string {
  const seconds = Math.floor(createdMs / 1000)
    .toString(16)
    .padStart(8, '0')
  return `${seconds}6e6e${index.toString(16).padStart(12, '0')}`
}

function environmentTag(index: number) {
  const isProduction = index % 8 === 0
  return {
    tagId: '64a1f0c2b7e4d90012a3c001',
    valueId: isProduction
      ? '64a1f0c2b7e4d90012a3c002'
      : '64a1f0c2b7e4d90012a3c003',
    tagName: 'Environment',
    tagValue: isProduction ? 'Production' : 'Staging',
  }
}
