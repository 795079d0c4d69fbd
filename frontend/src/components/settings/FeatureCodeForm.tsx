import { Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FEATURE_PURPOSES, type FeatureCode, type FeatureCodeInput, featureCodesApi } from '../../api/featureCodes';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { changedFields } from '../common/changes';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';

const PURPOSE_OPTIONS = Object.entries(FEATURE_PURPOSES).map(([value, label]) => ({ value, label }));
const REFETCH = [queryKeys.featureCodes];

function FeatureCodeForm({ code, onDone }: { code?: FeatureCode; onDone: () => void }) {
  const initial: FeatureCodeInput = { code: code?.code ?? '', purpose: code?.purpose ?? 'record_on_demand', enabled: code?.enabled ?? true };
  const form = useForm<FeatureCodeInput>({
    initialValues: initial,
    validate: { code: (value) => (/^[*#]\d{1,6}$/.test(value.trim()) ? null : 'Use * or # followed by 1 to 6 digits, for example *1') },
  });
  const save = useApiMutation(
    (values: FeatureCodeInput) => (code ? featureCodesApi.update(code, changedFields(initial, values)) : featureCodesApi.create(values)),
    REFETCH,
  );
  const submit = form.onSubmit((values) =>
    save.mutate(
      { ...values, code: values.code.trim() },
      {
        onSuccess: (saved) => {
          notifySaved(code ? 'Feature code saved' : 'Feature code added', `${saved.code}: ${FEATURE_PURPOSES[saved.purpose] ?? saved.purpose}`);
          onDone();
        },
        onError: (error) => {
          if (reportError(error, { title: 'Feature code not saved', refetch: REFETCH, form }) === 'stale') onDone();
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label="Code" placeholder="*1" description="* or # and 1 to 6 digits, dialled during a call." required data-autofocus {...form.getInputProps('code')} />
        <Select label="Purpose" data={PURPOSE_OPTIONS} allowDeselect={false} required {...form.getInputProps('purpose')} />
        <Switch label="Enabled" {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <FormButtons onCancel={onDone} saving={save.isPending} />
      </Stack>
    </form>
  );
}

export function FeatureCodeModal({ opened, code, onClose }: { opened: boolean; code: FeatureCode | null; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={code ? `Edit feature code ${code.code}` : 'Add feature code'}>
      {opened && <FeatureCodeForm key={code?.id ?? 'new'} code={code ?? undefined} onDone={onClose} />}
    </Modal>
  );
}
