/**
 * API shapes the mock owns (the engine covers the billing state and math).
 * Field names follow docs/api-design.md; test/resources.types.ts checks them against the
 * SDK types generated from the spec at compile time, the contract test at run time.
 */
import type { Role } from '@billkit/engine';
import type { CountryCode } from './generated/country-code.js';

export type { CountryCode };

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  region?: string;
  /** ISO 3166-1 alpha-2, one of the spec's `CountryCode`s */
  country: CountryCode;
}

export interface BillingDetails {
  companyName: string;
  email: string;
  address: Address;
  vatId: string | null;
}

export type PaymentMethodType = 'card' | 'ach' | 'wire';

export interface PaymentMethod {
  id: string;
  type: PaymentMethodType;
  isDefault: boolean;
  createdAt: string;
  card: { brand: string; last4: string; expMonth: number; expYear: number } | null;
  bank: { bankName: string; last4: string } | null;
}

export interface PaymentMethodSetup {
  id: string;
  type: PaymentMethodType;
  provider: string;
  clientSecret: string;
  expiresAt: string;
}

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

/** Who is calling: resolved from the bearer token (see `viewerFromToken`). */
export type Viewer = Actor;

export interface Permissions {
  viewInvoices: boolean;
  manageBilling: boolean;
  managePaymentMethods: boolean;
  addMembers: boolean;
  contributeCredits: boolean;
}

/** The rules' role table. */
export function permissionsOf(role: Role): Permissions {
  const billingStaff = role === 'admin' || role === 'billing';
  return {
    viewInvoices: billingStaff,
    manageBilling: billingStaff,
    managePaymentMethods: billingStaff,
    addMembers: role === 'admin',
    contributeCredits: true,
  };
}

/** What an operation requires; `view` is everyone's (plan and usage). */
export type Permission = keyof Permissions | 'view';

export function allows(role: Role, permission: Permission): boolean {
  return permission === 'view' || permissionsOf(role)[permission];
}
