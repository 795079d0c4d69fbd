/** Typed calls for /api/v1/auth: registration, sessions, password and API tokens. */
import type {
  ApiToken,
  Credentials,
  MessageResponse,
  NewApiToken,
  PasswordChange,
  Registration,
  Session,
} from '../types';
import { request, setCsrfToken } from './client';

export function register(registration: Registration): Promise<MessageResponse> {
  return request<MessageResponse>('POST', '/auth/register', registration);
}

export function confirmEmail(token: string): Promise<MessageResponse> {
  return request<MessageResponse>('POST', '/auth/confirm', { token });
}

export async function login(credentials: Credentials): Promise<Session> {
  const session = await request<Session>('POST', '/auth/login', credentials);
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session; throws ApiError 401 when nobody is logged in. */
export async function fetchSession(): Promise<Session> {
  const session = await request<Session>('GET', '/auth/me');
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(change: PasswordChange): Promise<void> {
  return request<void>('POST', '/auth/password', change);
}

export function listApiTokens(): Promise<ApiToken[]> {
  return request<ApiToken[]>('GET', '/auth/tokens');
}

export function createApiToken(name: string): Promise<NewApiToken> {
  return request<NewApiToken>('POST', '/auth/tokens', { name });
}

export function revokeApiToken(id: number): Promise<void> {
  return request<void>('DELETE', `/auth/tokens/${id}`);
}
