import { describe, expect, it } from 'vitest';
import { phoneLooksValid, registrationBody, validate, type RegistrationForm } from './validation';

const valid: RegistrationForm = {
  fullName: 'Nguyễn Thị Hồng Nhung',
  phone: '0912 345 678',
  unitCode: 'HP-LMHTX',
  district: 'Quận Lê Chân',
  birthYear: '1990',
  email: '',
  nationalId: '',
  consent: true,
};

describe('registration checks', () => {
  it('accepts the notations the server accepts', () => {
    for (const phone of ['0912 345 678', '+84 912-345-678', '84912345678', '0084912345678', '0225 383 1234']) {
      expect(phoneLooksValid(phone), phone).toBe(true);
    }
    for (const phone of ['912345678', '0112345678', '09123', 'abc']) {
      expect(phoneLooksValid(phone), phone).toBe(false);
    }
  });

  it('names each field at fault', () => {
    expect(validate(valid, new Date('2026-01-01'))).toEqual({});
    expect(
      validate(
        {
          ...valid,
          fullName: ' ',
          phone: '123',
          unitCode: '',
          birthYear: '2025',
          email: 'a@b',
          nationalId: '1234',
          consent: false,
        },
        new Date('2026-01-01'),
      ),
    ).toEqual({
      fullName: 'required',
      phone: 'phoneInvalid',
      unitCode: 'chooseRequired',
      birthYear: 'birthYearInvalid',
      email: 'emailInvalid',
      nationalId: 'nationalIdInvalid',
      consent: 'consentRequired',
    });
  });

  it('sends the version of the consent text the form showed', () => {
    const version = 'a'.repeat(64);
    expect(
      registrationBody({ ...valid, fullName: ' Nguyễn Thị Hồng Nhung ', nationalId: '0791 2345 6789' }, version),
    ).toEqual({
      fullName: 'Nguyễn Thị Hồng Nhung',
      phone: '0912 345 678',
      unitCode: 'HP-LMHTX',
      district: 'Quận Lê Chân',
      birthYear: 1990,
      email: undefined,
      nationalId: '079123456789',
      consent: true,
      consentVersion: version,
    });
  });
});
