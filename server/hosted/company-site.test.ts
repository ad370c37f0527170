import { expect, it } from 'vitest';
import { companySite } from './company-site.ts';

it('reads COMPANY_SITE as people write it', () => {
  expect(companySite('gendalf.ru')).toEqual({ name: 'gendalf.ru', href: 'https://gendalf.ru' });
  expect(companySite('https://gendalf.ru/')).toEqual({ name: 'gendalf.ru', href: 'https://gendalf.ru' });
  expect(companySite('http://intranet.example.ru/otzyv')).toEqual({
    name: 'intranet.example.ru/otzyv',
    href: 'http://intranet.example.ru/otzyv',
  });
  expect(companySite(null)).toBeNull();
});
