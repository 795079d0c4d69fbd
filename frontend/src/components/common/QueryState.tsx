import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What is loading, e.g. "the service providers". */
  what: string;
  rows?: number;
  children: (data: T) => ReactNode;
}

/** Skeleton while loading, an alert with Retry on failure, else the content. */
export function QueryState<T>({ query, what, rows = 3, children }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <Stack gap="xs" aria-busy aria-label={`Loading ${what}`}>
        {Array.from({ length: rows }, (_, index) => (
          <Skeleton key={index} h={40} />
        ))}
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={`Could not load ${what}`}>
        {query.error.message}
        <Button size="xs" variant="light" color="red" mt="sm" display="block" onClick={() => void query.refetch()}>
          Retry
        </Button>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
