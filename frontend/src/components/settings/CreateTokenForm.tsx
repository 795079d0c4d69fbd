import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createApiToken } from '../../api/auth';
import { isApiError } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { TokenReveal } from './TokenReveal';

export function CreateTokenForm() {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() ? null : 'Give the token a name') },
  });
  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });

  const submit = form.onSubmit(({ name }) =>
    create.mutate(name.trim(), {
      onSuccess: (created) => {
        form.reset();
        const modalId = modals.open({
          title: 'API token created',
          size: 'lg',
          closeOnClickOutside: false,
          children: <TokenReveal name={created.name} token={created.token} onDone={() => modals.close(modalId)} />,
        });
      },
      onError: (error) =>
        form.setFieldError('name', isApiError(error) ? (error.fieldErrors.name ?? error.message) : 'Could not create the token'),
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Token name"
          placeholder="e.g. CRM integration"
          required
          style={{ flex: 1, maxWidth: 360 }}
          {...form.getInputProps('name')}
        />
        <Button type="submit" mt={25} loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
          Create token
        </Button>
      </Group>
    </form>
  );
}
