import type { components } from './schema.js';

type Schemas = components['schemas'];

export type Money = Schemas['Money'];
export type Period = Schemas['Period'];
export type Plan = Schemas['Plan'];
export type Subscription = Schemas['Subscription'];
export type SubscriptionChange = Schemas['SubscriptionChange'];
export type ChangeQuote = Schemas['ChangeQuote'];
export type AppliedChange = Schemas['AppliedChange'];
export type ScheduledChange = Schemas['ScheduledChange'];
export type StandingInstructions = Schemas['StandingInstructions'];
export type AutoFlex = Schemas['AutoFlex'];
export type Usage = Schemas['Usage'];
export type UsageDetail = Schemas['UsageDetail'];
export type Invoice = Schemas['Invoice'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type PaymentMethodSetup = Schemas['PaymentMethodSetup'];
export type BillingDetails = Schemas['BillingDetails'];
export type BillingEvent = Schemas['BillingEvent'];
export type CreditEntry = Schemas['CreditEntry'];
export type Quote = Schemas['Quote'];
export type BillingOverview = Schemas['BillingOverview'];
