/**
 * The one HTTP client for /api/v1: JSON in and out, the session cookie, the CSRF header,
 * the one error shape, and the snake_case (server) <-> camelCase (app) mapping.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Extra headers. */
  headers?: Record<string, string>;
  /** The version the client last saw: sent as `If-Match: "<version>"` (PATCH/DELETE of versioned items). */
  ifMatch?: number;
  signal?: AbortSignal;
}

/** A collection as the API returns it. */
export interface Collection<T> {
  items: T[];
  total: number;
}

/** Query parameters: camelCase keys become snake_case; null, undefined and '' are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `path?key=value&...` with the keys in snake_case. */
export function withQuery(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(snakeCase(key), String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export const API_PREFIX = '/api/v1';
const MUTATING: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** The session's CSRF token, from the login and /auth/me responses; null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Any non-2xx answer, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  /** Stable machine name: the body's string code if it has one, else the status phrase in snake_case. */
  readonly code: string;
  /** First message per field, keys in camelCase; nested fields as dotted paths ("emails.0.address"). */
  readonly fieldErrors: Record<string, string>;
  /** The raw `errors` object, for callers that need more (e.g. `graph` problems on publish). */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fieldErrors: Record<string, string> = {},
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.details = details;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** Send one request to /api/v1 and return the camelCased JSON body (undefined for 204). */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (MUTATING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_PREFIX + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(toSnakeKeys(body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, response.statusText, payload);
  return toCamelKeys(payload) as T;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function toApiError(status: number, responseStatusText: string, payload: unknown): ApiError {
  const body = isPlainObject(payload) ? payload : {};
  const statusText = typeof body.status === 'string' ? body.status : responseStatusText;
  const code = typeof body.code === 'string' ? body.code : snakeCase(statusText || `http_${status}`);
  const message =
    typeof body.message === 'string' && body.message ? body.message : statusText || `The server answered ${status}.`;
  const details = isPlainObject(body.errors) ? body.errors : {};
  // JSON bodies report field errors under `json`; multipart uploads under `form` and `files`.
  const fieldErrors: Record<string, string> = {};
  for (const location of ['files', 'form', 'json']) {
    const errors = details[location];
    if (isPlainObject(errors)) Object.assign(fieldErrors, flattenFieldErrors(errors));
  }
  return new ApiError(status, code, message, fieldErrors, details);
}

/** `{"phone_number": ["bad"], "emails": {"0": {"address": ["bad"]}}}` -> `{phoneNumber: "bad", "emails.0.address": "bad"}`. */
function flattenFieldErrors(errors: Record<string, unknown>, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    const path = prefix + camelCase(key);
    if (typeof value === 'string') {
      flat[path] = value;
    } else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      if (value.length > 0) flat[path] = value[0];
    } else if (isPlainObject(value) || Array.isArray(value)) {
      Object.assign(flat, flattenFieldErrors({ ...value }, `${path}.`));
    }
  }
  return flat;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A leading underscore (marshmallow's "_schema") is kept: only inner ones join words.
const camelCase = (key: string): string => key.replace(/(?<=[A-Za-z0-9])_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snakeCase = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [rename(key), mapKeys(item, rename)]));
  }
  return value;
}

export const toCamelKeys = (value: unknown): unknown => mapKeys(value, camelCase);
export const toSnakeKeys = (value: unknown): unknown => mapKeys(value, snakeCase);
