/** The logged-in admin, read from GET /auth/me through react-query; null when logged out. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSession, login, logout } from '../api/auth';
import { isApiError } from '../api/client';
import type { Credentials, Session } from '../types';
import { sessionQueryKey } from './sessionKey';

async function fetchSessionOrNull(): Promise<Session | null> {
  try {
    return await fetchSession();
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export function useSession() {
  const query = useQuery({ queryKey: sessionQueryKey, queryFn: fetchSessionOrNull, staleTime: 5 * 60_000 });
  return {
    session: query.data ?? null,
    isLoading: query.isPending,
    error: query.error,
    refetch: query.refetch,
  };
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => login(credentials),
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Whatever the server said, nothing cached for this admin may outlive the session.
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
