import { type LocaleCatalog, registerLocale, str } from '@billkit/elements';

/**
 * French for the billing widgets. Keys are the message ids of the package's catalogs (copy
 * `src/i18n/locales/ja.ts` of @billkit/elements for the full list); `${0}`, `${1}` … are the
 * English message's values, in any order. An id missing here shows in English.
 */
export const french: LocaleCatalog = {
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'seatCounter.heading': 'Sièges',
  'seatCounter.purchased': 'Achetés',
  'seatCounter.inUse': 'Utilisés',
  'seatCounter.roles': str`${0}. Chaque membre occupe un siège, visiteurs compris.`,
  'invoiceList.heading': 'Factures',
};

// Before any element shows a locale other than English: the module that imports the elements.
registerLocale('fr', french);
