import { Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { countryOptions } from '../../data/countries';
import type { SignupForm } from './signupForm';

/** Step 1: who is registering and how to reach them. */
export function DetailsStep({ form }: { form: SignupForm }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <TextInput label="First Name" autoComplete="given-name" required {...form.getInputProps('firstName')} />
        <TextInput label="Last Name" autoComplete="family-name" required {...form.getInputProps('lastName')} />
      </SimpleGrid>
      <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
      <Group grow align="flex-start" gap="md">
        <TextInput
          label="Phone Number"
          type="tel"
          autoComplete="tel"
          required
          description="Checked against the country you choose"
          {...form.getInputProps('phoneNumber')}
        />
        <Select
          label="Country"
          data={countryOptions}
          searchable
          allowDeselect={false}
          required
          nothingFoundMessage="No country matches"
          maxDropdownHeight={280}
          autoComplete="off"
          description="Region of your phone number"
          {...form.getInputProps('country')}
        />
      </Group>
    </Stack>
  );
}
