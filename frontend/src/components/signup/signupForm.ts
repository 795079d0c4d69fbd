/** The registration form's values, defaults and client-side checks, split by step. */
import type { UseFormReturnType } from '@mantine/form';
import { DEFAULT_COUNTRY } from '../../data/countries';
import type { Registration } from '../../types';

export type SignupForm = UseFormReturnType<Registration>;
export type SignupErrors = Partial<Record<keyof Registration, string>>;

/** Fields on the first step: a server error on one of them sends the admin back there. */
export const DETAILS_FIELDS: readonly (keyof Registration)[] = ['firstName', 'lastName', 'email', 'phoneNumber', 'country'];

export const initialSignupValues: Registration = {
  firstName: '',
  lastName: '',
  email: '',
  phoneNumber: '',
  country: DEFAULT_COUNTRY,
  password: '',
  passwordConfirm: '',
  acceptTerms: false,
  acceptPrivacy: false,
  newsletter: false,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Only the obvious is checked here; the server owns the real rules (phone format, password strength).
export function validateDetails(values: Registration): SignupErrors {
  const errors: SignupErrors = {};
  if (!values.firstName.trim()) errors.firstName = 'Enter your first name';
  if (!values.lastName.trim()) errors.lastName = 'Enter your last name';
  if (!values.email.trim()) errors.email = 'Enter your email';
  else if (!EMAIL.test(values.email.trim())) errors.email = 'Enter a valid email address';
  if (!values.phoneNumber.trim()) errors.phoneNumber = 'Enter your phone number';
  if (!values.country) errors.country = 'Choose your country';
  return errors;
}

export function validatePassword(values: Registration): SignupErrors {
  const errors: SignupErrors = {};
  if (!values.password) errors.password = 'Choose a password';
  if (!values.passwordConfirm) errors.passwordConfirm = 'Repeat the password';
  else if (values.password !== values.passwordConfirm) errors.passwordConfirm = 'The passwords do not match';
  if (!values.acceptTerms) errors.acceptTerms = 'You must agree with the Terms and Agreements';
  if (!values.acceptPrivacy) errors.acceptPrivacy = 'You must agree with the Privacy Notice';
  return errors;
}

export function hasDetailsError(errors: Record<string, unknown>): boolean {
  return DETAILS_FIELDS.some((field) => errors[field]);
}

/** What the server receives: trimmed text, everything else as typed. */
export function toRegistration(values: Registration): Registration {
  return {
    ...values,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    phoneNumber: values.phoneNumber.trim(),
  };
}
