import { Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ContactMethodInput, methodsApi } from '../../api/contacts';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { useSipAccounts } from '../../api/sipAccounts';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';

interface Values {
  kind: 'sip_account' | 'phone';
  sipAccountId: string | null;
  number: string;
  numberType: 'landline' | 'mobile';
}

const toInput = (values: Values): ContactMethodInput =>
  values.kind === 'sip_account'
    ? { kind: 'sip_account', sipAccountId: Number(values.sipAccountId) }
    : { kind: 'phone', number: values.number.trim(), numberType: values.numberType };

function AddMethodForm({ contactId, onDone }: { contactId: number; onDone: () => void }) {
  const refetch = [queryKeys.contactMethods(contactId), queryKeys.contact(contactId), queryKeys.sipAccounts];
  const accounts = useSipAccounts();
  const options = (accounts.data?.items ?? []).map((account) => ({
    value: String(account.id),
    label: `${account.friendlyName || account.username} (${account.username}) · ${account.providerName}`,
  }));
  const form = useForm<Values>({
    initialValues: { kind: 'sip_account', sipAccountId: null, number: '', numberType: 'mobile' },
    validate: {
      sipAccountId: (value, values) => (values.kind === 'sip_account' && !value ? 'Choose a SIP account' : null),
      number: (value, values) => (values.kind === 'phone' && !value.trim() ? 'Enter the number, e.g. +1 415 555 0100' : null),
    },
  });
  const add = useApiMutation((values: Values) => methodsApi.create(contactId, toInput(values)), refetch);
  const submit = form.onSubmit((values) =>
    add.mutate(values, {
      onSuccess: (method) => {
        notifySaved('Contact method added', method.label);
        onDone();
      },
      onError: (error) => reportError(error, { title: 'Contact method not added', refetch, form }),
    }),
  );
  const kind = form.getValues().kind;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SegmentedControl
          aria-label="Kind of contact method"
          data={[
            { value: 'sip_account', label: 'SIP account' },
            { value: 'phone', label: 'Phone number' },
          ]}
          {...form.getInputProps('kind')}
        />
        {kind === 'sip_account' ? (
          <Select label="SIP account" placeholder="Choose a SIP account" data={options} searchable required data-autofocus {...form.getInputProps('sipAccountId')} />
        ) : (
          <>
            <Select
              label="Number type"
              data={[
                { value: 'mobile', label: 'Mobile' },
                { value: 'landline', label: 'Landline' },
              ]}
              allowDeselect={false}
              {...form.getInputProps('numberType')}
            />
            <TextInput label="Phone number" placeholder="+1 415 555 0100" description="International format." required {...form.getInputProps('number')} />
          </>
        )}
        <FormButtons onCancel={onDone} saving={add.isPending} saveLabel="Add" />
      </Stack>
    </form>
  );
}

export function AddMethodModal({ contactId, opened, onClose }: { contactId: number; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add contact method">
      {opened && <AddMethodForm contactId={contactId} onDone={onClose} />}
    </Modal>
  );
}
