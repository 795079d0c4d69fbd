import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useApiMutation } from '../../api/hooks';
import { type InventoryNumber, type NumberInput, type NumberKind, numberQueryKey, numbersApi } from '../../api/numbers';
import { changedFields } from '../common/changes';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';

export const KIND_TEXT = {
  phone: { one: 'phone number', placeholder: '+1 415 555 0100', hint: 'International format: + and the country code.' },
  internal: { one: 'internal number', placeholder: '100', hint: '1 to 6 digits, dialled inside your PBX.' },
} as const;

interface NumberFormProps {
  kind: NumberKind;
  item: InventoryNumber | null;
  onDone: () => void;
}

function NumberForm({ kind, item, onDone }: NumberFormProps) {
  const text = KIND_TEXT[kind];
  const refetch = [numberQueryKey(kind)];
  const initial: NumberInput = { number: item?.number ?? '', label: item?.label ?? '' };
  const form = useForm<NumberInput>({
    initialValues: initial,
    validate: {
      number: (value) =>
        !value.trim() ? `Enter the ${text.one}` : kind === 'internal' && !/^\d{1,6}$/.test(value.trim()) ? 'Use 1 to 6 digits' : null,
    },
  });
  const api = numbersApi[kind];
  const save = useApiMutation(
    (values: NumberInput) => (item ? api.update(item, changedFields(initial, values)) : api.create(values)),
    refetch,
  );
  const submit = form.onSubmit((values) =>
    save.mutate(
      { number: values.number.trim(), label: values.label.trim() },
      {
        onSuccess: (saved) => {
          notifySaved(item ? `${capitalise(text.one)} saved` : `${capitalise(text.one)} added`, saved.number);
          onDone();
        },
        onError: (error) => {
          if (reportError(error, { title: `${capitalise(text.one)} not saved`, refetch, form }) === 'stale') onDone();
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={capitalise(text.one)}
          placeholder={text.placeholder}
          description={text.hint}
          required
          data-autofocus
          {...form.getInputProps('number')}
        />
        <TextInput label="Label" placeholder="e.g. Sales hotline" description="Optional: what the number is for." {...form.getInputProps('label')} />
        <FormButtons onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function NumberModal({ kind, item, opened, onClose }: Omit<NumberFormProps, 'onDone'> & { opened: boolean; onClose: () => void }) {
  const title = item ? `Edit ${KIND_TEXT[kind].one} ${item.number}` : `Add ${KIND_TEXT[kind].one}`;
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {opened && <NumberForm key={item?.id ?? 'new'} kind={kind} item={item} onDone={onClose} />}
    </Modal>
  );
}
