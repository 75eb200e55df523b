import { type BillingClient, type BillingDetails, isBillingApiError } from '@billkit/sdk';

/**
 * Saves the company's billing details. A 422 is a problem+json whose field errors point at
 * what was refused (`/vatId`, `/address/postalCode`): hand them back keyed by pointer, so a
 * form (or an API of yours) can show each one where it belongs.
 */
export async function saveBillingDetails(
  billing: BillingClient,
  details: BillingDetails,
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  try {
    await billing.billingDetails.update(details);
    return { ok: true };
  } catch (error) {
    if (!isBillingApiError(error) || error.status !== 422) throw error;
    const errors: Record<string, string> = {};
    for (const field of error.fieldErrors)
      errors[field.pointer] = `${field.message} (${field.code})`;
    return { ok: false, errors };
  }
}
