import { css } from 'lit';

export const billingProviderStyles = css`
  /* No box of its own: the elements inside lay out as if it were not there. */
  :host {
    display: contents;
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;
