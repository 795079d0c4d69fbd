import { Checkbox, PasswordInput, Stack } from '@mantine/core';
import type { SignupForm } from './signupForm';

/** Step 2: the password and the agreements. */
export function PasswordStep({ form }: { form: SignupForm }) {
  return (
    <Stack gap="md">
      <PasswordInput label="Password" autoComplete="new-password" required {...form.getInputProps('password')} />
      <PasswordInput
        label="Confirm Password"
        autoComplete="new-password"
        required
        {...form.getInputProps('passwordConfirm')}
      />
      <Stack gap="sm" mt="xs">
        <Checkbox
          label="I have read and agree with the Terms and Agreements"
          {...form.getInputProps('acceptTerms', { type: 'checkbox' })}
        />
        <Checkbox
          label="I have read and agree with the Privacy Notice"
          {...form.getInputProps('acceptPrivacy', { type: 'checkbox' })}
        />
        <Checkbox label="Subscribe to News and Updates" {...form.getInputProps('newsletter', { type: 'checkbox' })} />
      </Stack>
    </Stack>
  );
}
