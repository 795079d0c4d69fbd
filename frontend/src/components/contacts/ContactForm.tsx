import { Divider, Modal, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type Contact, contactName, contactsApi } from '../../api/contacts';
import { useApiMutation } from '../../api/hooks';
import { queryKeys } from '../../api/queryKeys';
import { notifySaved, reportError } from '../common/feedback';
import { FormButtons } from '../common/FormButtons';
import { ContactEmailsField } from './ContactEmailsField';
import { ContactNumbersField } from './ContactNumbersField';
import { type ContactValues, toChanges, toInput, toValues, validate } from './contactForm';

interface ContactFormProps {
  contact?: Contact;
  onDone: (saved?: Contact) => void;
}

function ContactForm({ contact, onDone }: ContactFormProps) {
  const refetch = [queryKeys.contacts];
  const form = useForm<ContactValues>({ initialValues: toValues(contact), validate });
  const save = useApiMutation(
    (values: ContactValues) => (contact ? contactsApi.update(contact, toChanges(contact, values)) : contactsApi.create(toInput(values))),
    refetch,
  );
  const submit = form.onSubmit((values) =>
    save.mutate(values, {
      onSuccess: (saved) => {
        notifySaved(contact ? 'Contact saved' : 'Contact added', contact ? contactName(saved) : `${contactName(saved)} is ready for devices.`);
        onDone(saved);
      },
      onError: (error) => {
        if (reportError(error, { title: 'Contact not saved', refetch, form }) === 'stale') onDone();
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required data-autofocus {...form.getInputProps('firstName')} />
          <TextInput label="Last name" required {...form.getInputProps('lastName')} />
          <TextInput label="Company" {...form.getInputProps('company')} />
          <TextInput label="Job title" {...form.getInputProps('jobTitle')} />
        </SimpleGrid>
        <Switch
          label="Show in company directory"
          aria-label="Show in company directory"
          description="Listed in the company directory of every call.center app, kept in sync."
          {...form.getInputProps('showInDirectory', { type: 'checkbox' })}
        />
        <Divider />
        <ContactNumbersField form={form} />
        <Divider />
        <ContactEmailsField form={form} />
        <FormButtons onCancel={() => onDone()} saving={save.isPending} />
      </Stack>
    </form>
  );
}

/** Add a contact (`contact` null) or edit one. */
export function ContactModal({ opened, contact, onClose }: { opened: boolean; contact: Contact | null; onClose: (saved?: Contact) => void }) {
  return (
    <Modal opened={opened} onClose={() => onClose()} title={contact ? `Edit ${contactName(contact)}` : 'Add contact'} size="xl">
      {opened && <ContactForm key={contact?.id ?? 'new'} contact={contact ?? undefined} onDone={onClose} />}
    </Modal>
  );
}
