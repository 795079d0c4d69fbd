import { isApiError } from '../../api/client';

/** A 422's field errors, split into the name and the properties ("properties.number" -> "number"). */
export function splitFieldErrors(error: unknown): { name?: string; properties: Record<string, string>; other: string[] } {
  const result: { name?: string; properties: Record<string, string>; other: string[] } = { properties: {}, other: [] };
  if (!isApiError(error, 422)) return result;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    if (path === 'name') result.name = message;
    else if (path.startsWith('properties.')) result.properties[path.split('.')[1]] = message;
    else result.other.push(message);
  }
  return result;
}
