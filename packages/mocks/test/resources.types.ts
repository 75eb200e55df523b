/**
 * Compile-time half of the contract test: every resource the mock builds must be
 * assignable to the SDK's type for it, which openapi-typescript generates from
 * the spec. `pnpm typecheck` fails on drift before a single request is sent;
 * the runtime contract test then checks the values (formats, enums in context).
 */
import type * as Api from '@billkit/sdk';
import type * as Mock from '../src/types.js';
import type {
  autoFlexResource,
  creditEntryResource,
  invoiceResource,
  overviewResource,
  planResource,
  quoteResource,
  standingInstructionsResource,
  storedQuoteResource,
  subscriptionResource,
  usageResource,
} from '../src/views.js';

/** Compiles only when the mock's `Built` is a valid `Contract` value. */
type Conforms<Built extends Contract, Contract> = [Built, Contract];
type Built<View extends (...args: never[]) => unknown> = ReturnType<View>;

export type MockResourcesConformToTheContract = [
  Conforms<Built<typeof planResource>, Api.Plan>,
  Conforms<Built<typeof subscriptionResource>, Api.Subscription>,
  Conforms<Built<typeof quoteResource>, Api.ChangeQuote>,
  Conforms<Built<typeof invoiceResource>, Api.Invoice>,
  Conforms<Built<typeof autoFlexResource>, Api.AutoFlex>,
  Conforms<Built<typeof usageResource>, Api.Usage>,
  Conforms<Built<typeof creditEntryResource>, Api.CreditEntry>,
  Conforms<Built<typeof storedQuoteResource>, Api.Quote>,
  Conforms<Built<typeof standingInstructionsResource>, Api.StandingInstructions>,
  Conforms<Built<typeof overviewResource>, Api.BillingOverview>,
  Conforms<Mock.BillingDetails, Api.BillingDetails>,
  Conforms<Mock.PaymentMethod, Api.PaymentMethod>,
  Conforms<Mock.PaymentMethodSetup, Api.PaymentMethodSetup>,
  Conforms<Mock.Permissions, Api.BillingOverview['viewer']['permissions']>,
];
