/** The app's react-query client: no retries on client errors, and a 401 anywhere re-checks the session. */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/client';
import { sessionQueryKey } from './auth/sessionKey';

function onError(error: unknown): void {
  // The session may have expired mid-use: ask /auth/me again; if it says 401 too, the
  // protected routes send the admin to /login.
  if (isApiError(error, 401)) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
    },
    mutations: { retry: false },
  },
});
