/**
 * The checks the server makes (participant/ParticipantService), made first in the browser
 * so a citizen hears about a typo at once. The server stays the judge: its problem+json
 * field errors are shown the same way.
 */
export interface RegistrationForm {
  fullName: string;
  phone: string;
  unitCode: string;
  district: string;
  birthYear: string;
  email: string;
  nationalId: string;
  consent: boolean;
}

export type FieldName = keyof RegistrationForm;

export type ProblemKey =
  | 'required'
  | 'chooseRequired'
  | 'fullNameInvalid'
  | 'phoneInvalid'
  | 'birthYearInvalid'
  | 'emailInvalid'
  | 'nationalIdInvalid'
  | 'consentRequired';

const MOBILE_OR_LANDLINE = /^(?:[35789]\d{8}|2\d{9})$/;

/**
 * The phone in the server's one form (+84…), or null. Same notations as the server's
 * PhoneNumbers: 0…, +84…, 0084…, 84… with spaces, dots, dashes.
 */
export function phoneE164(input: string): string | null {
  const digits = input.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (digits.startsWith('+84')) national = digits.slice(3);
  else if (digits.startsWith('0084')) national = digits.slice(4);
  else if (digits.startsWith('84') && digits.length >= 11) national = digits.slice(2);
  else if (digits.startsWith('0')) national = digits.slice(1);
  else return null;
  return MOBILE_OR_LANDLINE.test(national) ? `+84${national}` : null;
}

export function phoneLooksValid(input: string): boolean {
  return phoneE164(input) !== null;
}

export function maxBirthYear(now = new Date()): number {
  return now.getUTCFullYear() - 6;
}

export function validate(form: RegistrationForm, now = new Date()): Partial<Record<FieldName, ProblemKey>> {
  const problems: Partial<Record<FieldName, ProblemKey>> = {};
  const name = form.fullName.trim().replace(/\s+/g, ' ');
  if (!name) problems.fullName = 'required';
  else if (name.length < 2 || name.length > 100 || !/\p{L}/u.test(name)) problems.fullName = 'fullNameInvalid';
  if (!form.phone.trim()) problems.phone = 'required';
  else if (!phoneLooksValid(form.phone)) problems.phone = 'phoneInvalid';
  if (!form.unitCode) problems.unitCode = 'chooseRequired';
  if (!form.district) problems.district = 'chooseRequired';
  const year = form.birthYear.trim();
  if (!year) problems.birthYear = 'required';
  else if (!/^\d{4}$/.test(year) || Number(year) < 1900 || Number(year) > maxBirthYear(now))
    problems.birthYear = 'birthYearInvalid';
  const email = form.email.trim();
  if (email && (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))) problems.email = 'emailInvalid';
  const id = form.nationalId.replace(/\s/g, '');
  if (id && !/^(?:\d{12}|\d{9})$/.test(id)) problems.nationalId = 'nationalIdInvalid';
  if (!form.consent) problems.consent = 'consentRequired';
  return problems;
}

/**
 * The request body of POST /api/contests/{slug}/attempts, with the version of the consent
 * text the form showed: the server records that very text, or refuses if it has changed;
 * and, where the contest verifies phones, the proof that this phone was.
 */
export function registrationBody(form: RegistrationForm, consentVersion: string, phoneToken?: string) {
  return {
    fullName: form.fullName.trim(),
    phone: form.phone.trim(),
    unitCode: form.unitCode,
    district: form.district,
    birthYear: Number(form.birthYear.trim()),
    email: form.email.trim() || undefined,
    nationalId: form.nationalId.replace(/\s/g, '') || undefined,
    consent: form.consent,
    consentVersion,
    phoneToken,
  };
}
