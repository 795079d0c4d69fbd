/** Shapes the app works with. The API client maps the server's snake_case to these. */

export interface Admin {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  /** owner: team and account settings; admin: everything else; viewer: reads only. */
  role: Role;
}

export type Role = 'owner' | 'admin' | 'viewer';

export interface TeamMember {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: 'active' | 'invited' | 'disabled';
  inviteExpiresAt: string | null;
  createdAt: string;
}

export interface Account {
  id: number;
  name: string;
}

/** What GET /auth/me and POST /auth/login return. */
export interface Session {
  admin: Admin;
  account: Account;
  csrfToken: string;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface Registration {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
  /** ISO 3166-1 alpha-2, e.g. "US": the region the phone number is checked against. */
  country: string;
  password: string;
  passwordConfirm: string;
  acceptTerms: boolean;
  acceptPrivacy: boolean;
  newsletter: boolean;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export interface MessageResponse {
  message: string;
}

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Only the creating response carries the secret, and only once. */
export interface NewApiToken extends ApiToken {
  token: string;
}
