/** The fields of each delivery type, as workspace/contact_center/delivery_methods/settings.py has them. */
import type { DeliveryType, SettingValue } from '../../api/deliveryMethods';

export interface SettingField {
  /** camelCase, as the client maps the server's snake_case. */
  key: string;
  label: string;
  kind: 'text' | 'number' | 'switch' | 'emails' | 'textarea';
  required?: boolean;
  /** Write-only: never shown, "set — leave empty to keep" once stored. */
  secret?: boolean;
  default?: SettingValue;
  placeholder?: string;
  description?: string;
}

const host = (placeholder: string): SettingField => ({ key: 'host', label: 'Host', kind: 'text', required: true, placeholder });
const port = (port: number): SettingField => ({ key: 'port', label: 'Port', kind: 'number', default: port, placeholder: String(port) });
const username: SettingField = { key: 'username', label: 'Username', kind: 'text', required: true };
const folder = (value: string, description?: string): SettingField => ({ key: 'folder', label: 'Folder', kind: 'text', default: value, description });
const clientId: SettingField = { key: 'clientId', label: 'Client ID', kind: 'text', required: true };
const clientSecret: SettingField = { key: 'clientSecret', label: 'Client secret', kind: 'text', secret: true, required: true };
const refreshToken = (required: boolean): SettingField => ({ key: 'refreshToken', label: 'Refresh token', kind: 'text', secret: true, required });

const TYPE_FIELDS: Record<DeliveryType, SettingField[]> = {
  email: [
    {
      key: 'addresses',
      label: 'Email addresses',
      kind: 'emails',
      required: true,
      placeholder: 'Type an address and press Enter',
      description: 'Recordings are sent to these addresses (1 to 10).',
    },
  ],
  ftp: [
    host('ftp.example.com'),
    port(21),
    username,
    { key: 'password', label: 'Password', kind: 'text', secret: true, required: true },
    folder('/'),
    { key: 'tls', label: 'Use TLS (FTPS)', kind: 'switch', default: true },
  ],
  sftp: [
    host('sftp.example.com'),
    port(22),
    username,
    { key: 'password', label: 'Password', kind: 'text', secret: true, description: 'A password or a private key.' },
    { key: 'privateKey', label: 'Private key', kind: 'textarea', secret: true, placeholder: '-----BEGIN OPENSSH PRIVATE KEY-----', description: 'PEM text, without a passphrase.' },
    { key: 'hostKey', label: 'Server host key', kind: 'textarea', required: true, placeholder: 'ssh-ed25519 AAAA…', description: 'One line from ssh-keyscan, without the host name.' },
    folder('.', 'Relative to the login folder.'),
  ],
  dropbox: [
    { key: 'appKey', label: 'App key', kind: 'text', required: true },
    { key: 'appSecret', label: 'App secret', kind: 'text', secret: true },
    { key: 'accessToken', label: 'Access token', kind: 'text', secret: true, required: true },
    refreshToken(false),
    folder('/'),
  ],
  google_drive: [
    clientId,
    clientSecret,
    refreshToken(true),
    { key: 'folderId', label: 'Folder ID', kind: 'text', default: 'root', description: 'The Drive folder id; root is My Drive.' },
  ],
  onedrive: [
    clientId,
    clientSecret,
    refreshToken(true),
    { key: 'tenant', label: 'Tenant', kind: 'text', default: 'common', description: 'common, a tenant id or a tenant domain.' },
    folder('/'),
  ],
};

/** Every type: the name recordings are delivered under (empty: the default name). */
const fileNameTemplate: SettingField = {
  key: 'fileNameTemplate',
  label: 'File name template',
  kind: 'text',
  placeholder: '{date}_{time}_{direction}_{from}_{to}.{ext}',
  description: 'Fields: {date} {time} {direction} {scope} {from} {to} {local} {remote} {contact} {extension} {ext}. Leave empty for the default.',
};

export const DELIVERY_FIELDS = Object.fromEntries(
  Object.entries(TYPE_FIELDS).map(([type, fields]) => [type, [...fields, fileNameTemplate]]),
) as Record<DeliveryType, SettingField[]>;

/** The server names secrets in snake_case: "privateKey" -> "private_key". */
export const serverName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function defaultSettings(type: DeliveryType): Record<string, SettingValue> {
  return Object.fromEntries(
    DELIVERY_FIELDS[type].map((field) => [
      field.key,
      field.secret ? '' : (field.default ?? (field.kind === 'emails' ? [] : field.kind === 'switch' ? false : '')),
    ]),
  );
}
