/** Typed calls for /api/v1/team and accepting an invitation. */
import type { Role, Session, TeamMember } from '../types';
import { request, setCsrfToken } from './client';

export interface Invitation {
  email: string;
  role: Role;
  firstName?: string;
  lastName?: string;
}

export function listTeam(): Promise<TeamMember[]> {
  return request<TeamMember[]>('GET', '/team');
}

export function inviteMember(invitation: Invitation): Promise<TeamMember> {
  return request<TeamMember>('POST', '/team', invitation);
}

export function resendInvitation(id: number): Promise<TeamMember> {
  return request<TeamMember>('POST', `/team/${id}/resend`);
}

export function changeRole(id: number, role: Role): Promise<TeamMember> {
  return request<TeamMember>('PATCH', `/team/${id}`, { role });
}

export function removeMember(id: number): Promise<void> {
  return request<void>('DELETE', `/team/${id}`);
}

export async function acceptInvitation(body: { token: string; firstName?: string; lastName?: string; password: string }): Promise<Session> {
  const session = await request<Session>('POST', '/auth/invitation', body);
  setCsrfToken(session.csrfToken);
  return session;
}
