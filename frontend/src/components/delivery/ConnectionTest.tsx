import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconPlugConnected } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { type DeliveryMethod, type DeliveryMethodInput, type DeliveryType, testDeliveryMethod } from '../../api/deliveryMethods';

/** A heading per failure kind; the server's message says the rest. */
const FAILURE_TITLES: Record<string, string> = {
  dns: 'Host name not found',
  refused: 'Connection refused',
  timeout: 'No answer in time',
  login: 'Login refused',
  permission: 'Permission denied',
  quota: 'No space left',
  size: 'Too large',
  host_not_allowed: 'Host not allowed',
  host_key: 'Host key does not match',
  rate_limited: 'Slowed down by the service',
  protocol: 'Unexpected answer',
  server: 'Server error',
};

/**
 * "Test connection" with the form as typed, saved or not: the server writes a tiny file
 * (Email: sends a test message) and removes it, saves nothing, and says how it went and, when
 * it failed, at which step.
 */
export function ConnectionTest({ method, type, input }: { method?: DeliveryMethod; type: DeliveryType; input: () => DeliveryMethodInput }) {
  const test = useMutation({ mutationFn: () => testDeliveryMethod(method?.id ?? null, input()) });
  const what = type === 'email' ? 'Sends a test message to the addresses' : 'Writes a tiny test file and removes it';
  const result = test.data;

  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" c="dimmed">
          {`${what}, with the values as typed (nothing is saved).`}
        </Text>
        <Button
          variant="default"
          leftSection={<IconPlugConnected size={16} aria-hidden />}
          loading={test.isPending}
          onClick={() => test.mutate()}
          style={{ flexShrink: 0 }}
        >
          Test connection
        </Button>
      </Group>
      <div aria-live="polite">
        {test.isPending && (
          <Text size="sm" c="dimmed">
            Connecting to the destination…
          </Text>
        )}
        {!test.isPending && result && (
          <Alert
            color={result.ok ? 'green' : 'red'}
            variant="light"
            icon={result.ok ? <IconCircleCheck size={18} aria-hidden /> : <IconCircleX size={18} aria-hidden />}
            title={result.ok ? 'Connection works' : `${result.step ? `Failed at the ${result.step} step: ` : ''}${FAILURE_TITLES[result.kind ?? ''] ?? 'Connection failed'}`}
            data-testid="connection-test-result"
          >
            {result.message}
          </Alert>
        )}
        {!test.isPending && test.error && (
          <Alert color="red" variant="light" icon={<IconCircleX size={18} aria-hidden />} title="Test not run">
            {isApiError(test.error) ? test.error.message : 'The test could not be started.'}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
