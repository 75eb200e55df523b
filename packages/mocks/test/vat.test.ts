import { describe, expect, it } from 'vitest';
import { isValidVatId } from '../src/vat.js';

describe('VAT ID format check', () => {
  it.each([
    'DE123456789',
    'de 123 456 789',
    'ATU12345678',
    'FR1A123456789',
    'NL123456789B01',
    'ESX1234567X',
    'IE1234567WA',
    'EL123456789',
    'SE123456789001',
    'XI123456789',
  ])('accepts %s', (vatId) => expect(isValidVatId(vatId)).toBe(true));
  it.each([
    'DE12345678',
    '123456789',
    'US123456789',
    'AT12345678',
    'NL123456789',
    'GR123456789',
    'FRI0123456789',
    'SE123456789012',
    '',
  ])('refuses %s', (vatId) => expect(isValidVatId(vatId)).toBe(false));
});
