import { Alert, Anchor, Button, Group, Stepper } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { register } from '../api/auth';
import { isApiError } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { DetailsStep } from '../components/signup/DetailsStep';
import { PasswordStep } from '../components/signup/PasswordStep';
import { SignupSent } from '../components/signup/SignupSent';
import {
  hasDetailsError,
  initialSignupValues,
  toRegistration,
  validateDetails,
  validatePassword,
} from '../components/signup/signupForm';
import type { Registration } from '../types';

export default function SignupPage() {
  const [step, setStep] = useState(0);
  const form = useForm<Registration>({ initialValues: initialSignupValues });
  const signup = useMutation({ mutationFn: register });

  const next = () => {
    const errors = validateDetails(form.getValues());
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) setStep(1);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step === 0) return next();
    const values = form.getValues();
    const errors = { ...validateDetails(values), ...validatePassword(values) };
    form.setErrors(errors);
    if (hasDetailsError(errors)) return setStep(0);
    if (Object.keys(errors).length > 0) return;
    signup.mutate(toRegistration(values), {
      onError: (error) => {
        if (!isApiError(error)) return;
        form.setErrors(error.fieldErrors);
        if (hasDetailsError(error.fieldErrors)) setStep(0);
      },
    });
  };

  if (signup.isSuccess) {
    return (
      <AuthLayout title="Check your email">
        <SignupSent email={form.getValues().email.trim()} />
      </AuthLayout>
    );
  }

  // Field errors show on their fields; anything else (or a field we have no input for) shows here.
  const error = signup.error;
  const unplacedError =
    error && !(isApiError(error) && Object.keys(error.fieldErrors).some((field) => field in initialSignupValues));
  const schemaError = isApiError(error) ? error.fieldErrors._schema : undefined;

  return (
    <AuthLayout
      title="Create your account"
      width={560}
      subtitle={
        <>
          Already registered?{' '}
          <Anchor component={Link} to="/login" fw={600}>
            Log in
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stepper active={step} onStepClick={setStep} allowNextStepsSelect={false} size="sm" mb="xl">
          <Stepper.Step label="Your details" description="Name, email and phone">
            <DetailsStep form={form} />
          </Stepper.Step>
          <Stepper.Step label="Password" description="Secure your account">
            <PasswordStep form={form} />
          </Stepper.Step>
        </Stepper>
        {(unplacedError || schemaError) && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Registration failed" mb="md">
            {schemaError ?? error?.message}
          </Alert>
        )}
        <Group justify={step === 0 ? 'flex-end' : 'space-between'}>
          {step === 1 && (
            <Button variant="default" onClick={() => setStep(0)}>
              Back
            </Button>
          )}
          {/* Distinct keys: the clicked Next is never turned into the submit button in place
              (so no browser can take that click as a submit of step 2). */}
          {step === 0 ? (
            <Button key="next" type="button" onClick={next}>
              Next
            </Button>
          ) : (
            <Button key="submit" type="submit" loading={signup.isPending}>
              Create Account
            </Button>
          )}
        </Group>
      </form>
    </AuthLayout>
  );
}
