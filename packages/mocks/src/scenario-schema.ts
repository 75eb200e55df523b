/**
 * The JSON Schema of `POST /__mock/teams`: a scenario sent over HTTP is untrusted input, so it
 * is checked field by field (pointers into the body) and bounded in size before anything is
 * built. It describes the `Scenario` type of scenarios.ts and takes the contract's own schemas
 * (`Money`, `SubscriptionChange`, …) by reference; the tests check every named scenario
 * against it, so a field added to `Scenario` and used there cannot be forgotten here.
 */
import { maxScenarioDays } from './scenarios.js';

const spec = (name: string) => ({ $ref: `billing.json#/components/schemas/${name}` });
const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const list = (items: object, maxItems: number) => ({ type: 'array', items, maxItems });
const object = (properties: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties,
});
const daysAgo = { type: 'integer', minimum: 0, maximum: maxScenarioDays };
/** Per role; `checkScenario` bounds the members and the timeline's operations in total. */
const membersPerRole = { type: 'integer', minimum: 0, maximum: 1_000 };
const teamId = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' };
const policyName = { enum: ['prorate', 'term-credit'] };

const step = object(
  {
    daysAgo,
    join: list(object({ id: text(64), name: text(200), role: spec('Role') }, ['role']), 100),
    leave: list(text(64), 100),
    usage: list(
      object(
        {
          resourceId: text(64),
          quantity: { type: 'integer', minimum: -1_000_000_000, maximum: 1_000_000_000 },
          consumerId: text(64),
          consumerName: text(200),
        },
        ['resourceId', 'quantity'],
      ),
      100,
    ),
    change: spec('SubscriptionChange'),
    seatOrder: object(
      {
        seats: { type: 'integer', minimum: 1, maximum: 100_000 },
        planId: text(64),
        collectionMethod: spec('CollectionMethod'),
      },
      ['seats'],
    ),
    declineCharges: { type: 'boolean' },
  },
  ['daysAgo'],
);

const scenario = object(
  {
    description: text(1_000),
    teamId,
    planId: text(64),
    interval: spec('Interval'),
    policy: policyName,
    seats: { type: 'integer', minimum: 0, maximum: 100_000 },
    members: object({
      admin: membersPerRole,
      billing: membersPerRole,
      member: membersPerRole,
      visitor: membersPerRole,
    }),
    periodStart: { type: 'string', format: 'date' },
    startedDaysAgo: daysAgo,
    trial: { type: 'boolean' },
    autoFlex: { type: 'boolean' },
    addOns: list(spec('AddOnSelection'), 20),
    collectionMethod: spec('CollectionMethod'),
    negotiatedPrices: object(
      {
        month: { anyOf: [spec('Money'), { type: 'null' }] },
        year: { anyOf: [spec('Money'), { type: 'null' }] },
      },
      ['month', 'year'],
    ),
    paymentMethods: list({ enum: ['card', 'declining_card', 'ach', 'wire'] }, 10),
    creditBalance: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
    overagePolicies: {
      type: 'object',
      maxProperties: 20,
      additionalProperties: { enum: ['allowed', 'disallowed'] },
    },
    billingDetails: object({
      companyName: {
        $ref: 'billing.json#/components/schemas/BillingDetails/properties/companyName',
      },
      email: { $ref: 'billing.json#/components/schemas/BillingDetails/properties/email' },
      address: spec('Address'),
      vatId: { $ref: 'billing.json#/components/schemas/BillingDetails/properties/vatId' },
    }),
    timeline: list(step, 2_000),
  },
  ['planId'],
);

/** A named scenario, or one described inline; a preset policy; the new team's id. */
export const newTeamSchema = object(
  {
    // A name, or an object checked as a scenario (the length bounds apply to names only).
    scenario: {
      type: ['string', 'object'],
      minLength: 1,
      maxLength: 64,
      if: { type: 'object' },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, never awaited
      then: scenario,
    },
    policy: policyName,
    teamId,
  },
  ['scenario'],
);

/** The schema of one scenario object, for the tests' check of the named scenarios. */
export const scenarioSchema = scenario;
