import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DELIVERY_TYPE_LABELS, DELIVERY_TYPES, type DeliveryMethod, type DeliveryType, deliveryMethodsApi } from '../../api/deliveryMethods';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';
import { ConnectionTest } from './ConnectionTest';
import { DELIVERY_FIELDS, defaultSettings } from './deliveryFields';
import { type DeliveryValues, isStored, placeErrors, toInput, toValues, validateValues } from './deliveryForm';
import { SettingInput } from './SettingInput';

const TYPE_OPTIONS = DELIVERY_TYPES.map((type) => ({ value: type, label: DELIVERY_TYPE_LABELS[type] }));
const REFETCH = [queryKeys.deliveryMethods];

function DeliveryMethodForm({ method, onDone, onSaved }: { method?: DeliveryMethod; onDone: () => void; onSaved?: (saved: DeliveryMethod) => void }) {
  const form = useForm<DeliveryValues>({ initialValues: toValues(method), validate: (values) => validateValues(values, method) });
  const save = useApiMutation((values: DeliveryValues) => {
    const input = toInput(values);
    return method ? deliveryMethodsApi.update(method, { name: input.name, settings: input.settings }) : deliveryMethodsApi.create(input);
  }, REFETCH);
  const placedForm = { setErrors: (errors: Record<string, string>) => form.setErrors(placeErrors(errors)), getValues: form.getValues };
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        notifySaved(method ? 'Delivery method saved' : 'Delivery method added', saved.name);
        onSaved?.(saved);
        onDone();
      },
      onError: (error) => {
        if (reportError(error, { title: 'Delivery method not saved', refetch: REFETCH, form: placedForm }) === 'stale') onDone();
      },
    }),
  );

  const type = form.getValues().type;
  const changeType = (value: string | null) => {
    if (!value) return;
    form.setFieldValue('type', value as DeliveryType);
    form.setFieldValue('settings', defaultSettings(value as DeliveryType));
    form.clearErrors();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" placeholder="e.g. Recordings to QA team" required data-autofocus {...form.getInputProps('name')} />
          <Select
            label="Type"
            data={TYPE_OPTIONS}
            allowDeselect={false}
            disabled={Boolean(method)}
            description={method ? 'The type cannot change; add another method instead.' : undefined}
            value={type}
            onChange={changeType}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {DELIVERY_FIELDS[type].map((field) => (
            // Lists, keys and switches take the whole row; short fields pair up.
            <div key={`${type}-${field.key}`} style={field.kind === 'text' || field.kind === 'number' ? undefined : { gridColumn: '1 / -1' }}>
              <SettingInput form={form} field={field} stored={isStored(method, field.key)} />
            </div>
          ))}
        </SimpleGrid>
        <ConnectionTest method={method} type={type} input={() => toInput(form.getValues())} />
        <FormButtons onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}

export function DeliveryMethodModal({
  opened,
  method,
  onClose,
  onSaved,
}: {
  opened: boolean;
  method: DeliveryMethod | null;
  onClose: () => void;
  onSaved?: (saved: DeliveryMethod) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={method ? `Edit ${method.name}` : 'Add delivery method'} size="lg">
      {opened && <DeliveryMethodForm key={method?.id ?? 'new'} method={method ?? undefined} onDone={onClose} onSaved={onSaved} />}
    </Modal>
  );
}
