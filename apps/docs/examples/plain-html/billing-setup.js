// The elements call getToken before every request (with forceRefresh after a 401): ask your
// own backend for a short-lived token for this team. Never put a secret key in the browser.
const provider = document.querySelector('bk-billing-provider');

let token;
provider.getToken = async ({ forceRefresh } = {}) => {
  if (!token || forceRefresh) {
    const response = await fetch('/session/billing-token', { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`billing token: HTTP ${response.status}`);
    token = await response.text();
  }
  return token;
};
