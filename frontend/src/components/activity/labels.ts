/** Words for the audit log's resources (the server names them by table) and fields. */
const RESOURCES: Record<string, string> = {
  accounts: 'Account',
  admins: 'Admin',
  api_tokens: 'API token',
  workspace: 'Workspace',
  tabs: 'Tab',
  workspace_objects: 'Object',
  cables: 'Cable',
  revisions: 'Revision',
  contacts: 'Contact',
  contact_numbers: 'Contact number',
  contact_emails: 'Contact email',
  contact_methods: 'Contact method',
  call_center_settings: 'call.center settings',
  devices: 'Device',
  device_sip_accounts: 'Device line',
  providers: 'Service provider',
  sip_accounts: 'SIP account',
  phone_numbers: 'Phone number',
  internal_numbers: 'Internal number',
  feature_codes: 'Feature code',
  audio_files: 'Audio file',
  delivery_methods: 'Delivery method',
  recordings: 'Recording',
  delivery_jobs: 'Recording delivery',
};

export function resourceLabel(resource: string): string {
  return RESOURCES[resource] ?? resource.replace(/_/g, ' ');
}

/** "passwordEncrypted" -> "password encrypted" (keys arrive camelCased from the client). */
export function fieldLabel(key: string): string {
  return key
    .replace(/s?\.(\d+)\.?/g, (_, n: string) => ` ${Number(n) + 1} `)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .trim()
    .toLowerCase();
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export const ACTION_WORDS = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  import: 'imported',
  restore: 'restored',
} as const;
