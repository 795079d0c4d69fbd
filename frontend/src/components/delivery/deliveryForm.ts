/** The delivery method form's values and what /delivery-methods accepts from them. */
import type { DeliveryMethod, DeliveryMethodInput, DeliveryType, SettingValue } from '../../api/deliveryMethods';
import { DELIVERY_FIELDS, defaultSettings, serverName } from './deliveryFields';

export interface DeliveryValues {
  name: string;
  type: DeliveryType;
  settings: Record<string, SettingValue>;
}

export function toValues(method?: DeliveryMethod): DeliveryValues {
  const type = method?.type ?? 'email';
  // A stored null (an unset optional setting) shows as an empty field.
  const stored = Object.entries(method?.settings ?? {}).filter(([, value]) => value !== null);
  return { name: method?.name ?? '', type, settings: { ...defaultSettings(type), ...Object.fromEntries(stored) } };
}

export const isStored = (method: DeliveryMethod | undefined, key: string) => Boolean(method?.secretsSet.includes(serverName(key)));

/** Empty optional values and untouched secrets stay out: the server keeps or defaults them. */
export function toInput(values: DeliveryValues): DeliveryMethodInput {
  const settings: Record<string, SettingValue> = {};
  for (const field of DELIVERY_FIELDS[values.type]) {
    const value = values.settings[field.key];
    if (value === '' || value === undefined) continue;
    settings[field.key] = typeof value === 'string' && !field.secret ? value.trim() : value;
  }
  return { name: values.name.trim(), type: values.type, settings };
}

/** Client checks of required fields; secrets already stored may stay empty. */
export function validateValues(values: DeliveryValues, method?: DeliveryMethod): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Give the delivery method a name';
  for (const field of DELIVERY_FIELDS[values.type]) {
    const value = values.settings[field.key];
    const empty = value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
    if (field.required && empty && !(field.secret && isStored(method, field.key))) errors[`settings.${field.key}`] = `Enter the ${field.label.toLowerCase()}`;
  }
  return errors;
}

/** "settings.addresses.1" -> "settings.addresses": list items have no input of their own. */
export function placeErrors(errors: Record<string, string>): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) placed[path.replace(/^(settings\.addresses)\.\d+$/, '$1')] ??= message;
  return placed;
}
