/** Step 1: the contact's details (the same fields as the contact form). */
import { Divider, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { type UseFormReturnType } from '@mantine/form';
import { ContactEmailsField } from '../contacts/ContactEmailsField';
import { ContactNumbersField } from '../contacts/ContactNumbersField';
import { type ContactValues } from '../contacts/contactForm';
import { StepIntro } from './parts';

export function ContactStep({ form }: { form: UseFormReturnType<ContactValues> }) {
  return (
    <>
      <StepIntro>Who answers the calls. First and last name and one email address are required; the email is where activation instructions go.</StepIntro>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="First name" required data-autofocus {...form.getInputProps('firstName')} />
        <TextInput label="Last name" required {...form.getInputProps('lastName')} />
        <TextInput label="Company" {...form.getInputProps('company')} />
        <TextInput label="Job title" {...form.getInputProps('jobTitle')} />
      </SimpleGrid>
      <Switch
        label="Show in company directory"
        description="Listed in the company directory of every call.center app, kept in sync."
        {...form.getInputProps('showInDirectory', { type: 'checkbox' })}
      />
      <Divider />
      <ContactEmailsField form={form} />
      <Divider />
      <ContactNumbersField form={form} />
    </>
  );
}
