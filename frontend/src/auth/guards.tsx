/** Route guards: the app frame needs a session; the login and signup pages need none. */
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../components/FullPageLoader';
import { useSession } from './session';

/** Where a guard sent the admin from, so login can go back there. */
export interface FromState {
  from?: string;
}

export function RequireSession() {
  const { session, isLoading, error, refetch } = useSession();
  const location = useLocation();

  if (isLoading) return <FullPageLoader label="Checking your session" />;
  if (error && !session) {
    return (
      <Center h="100dvh">
        <Stack align="center" gap="sm">
          <Title order={2}>Cannot reach the server</Title>
          <Text c="dimmed">{error.message}</Text>
          <Button onClick={() => void refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (!session) {
    const state: FromState = { from: location.pathname + location.search + location.hash };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

/** Where to go once logged in: back to the page a guard sent the admin from, else the workspace. */
export function afterLoginPath(state: unknown): string {
  const from = (state as FromState | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/workspace';
}

export function PublicOnly() {
  const { session, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <FullPageLoader label="Checking your session" />;
  if (session) return <Navigate to={afterLoginPath(location.state)} replace />;
  return <Outlet />;
}
