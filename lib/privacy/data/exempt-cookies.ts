// Cookie names that usually belong to the uses the CNIL exempts from consent (keeping the consent
// choice itself, session and authentication, shopping cart, load balancing, security). A name is
// only a hint — the same name can serve another purpose — so a rule never passes a cookie on its
// name alone without saying so: it asks the juror to check.
// Each pattern is anchored on the name as the platform or CMP documents it.

export interface ExemptCookiePattern {
  pattern: RegExp;
  /** What the name usually is. */
  use: 'consent' | 'session' | 'cart' | 'security' | 'load-balancing';
  who: string;
}

export const EXEMPT_COOKIES: readonly ExemptCookiePattern[] = [
  // Consent records (CMPs)
  { pattern: /^(OptanonConsent|OptanonAlertBoxClosed)$/, use: 'consent', who: 'OneTrust' },
  { pattern: /^(didomi_token|euconsent-v2)$/, use: 'consent', who: 'Didomi / IAB TCF' },
  { pattern: /^axeptio_(cookies|authorized_vendors|all_vendors)$/, use: 'consent', who: 'Axeptio' },
  { pattern: /^tarteaucitron$/, use: 'consent', who: 'tarteaucitron.js' },
  { pattern: /^CookieConsent$/, use: 'consent', who: 'Cookiebot' },
  { pattern: /^cookielawinfo-checkbox-[\w-]+$|^viewed_cookie_policy$/, use: 'consent', who: 'CookieYes (GDPR Cookie Consent)' },
  { pattern: /^cookieyes-consent$/, use: 'consent', who: 'CookieYes' },
  { pattern: /^cmplz_[\w-]+$/, use: 'consent', who: 'Complianz' },
  { pattern: /^borlabs-cookie$/, use: 'consent', who: 'Borlabs Cookie' },
  { pattern: /^moove_gdpr_popup$/, use: 'consent', who: 'GDPR Cookie Compliance (Moove)' },
  // Sessions and authentication
  { pattern: /^(PHPSESSID|JSESSIONID|ASP\.NET_SessionId|ci_session|laravel_session|sessionid|connect\.sid)$/, use: 'session', who: 'session du serveur' },
  { pattern: /^wordpress_test_cookie$|^wordpress_logged_in_\w+$/, use: 'session', who: 'WordPress' },
  { pattern: /^PrestaShop-[0-9a-f]+$/, use: 'session', who: 'PrestaShop' },
  // Shopping cart
  { pattern: /^(woocommerce_cart_hash|woocommerce_items_in_cart)$|^wp_woocommerce_session_\w+$/, use: 'cart', who: 'WooCommerce' },
  { pattern: /^cart(_ts|_sig|_currency)?$/, use: 'cart', who: 'Shopify' },
  // Security
  { pattern: /^(csrftoken|XSRF-TOKEN|_csrf|form_key)$/, use: 'security', who: 'protection CSRF' },
  { pattern: /^(__cf_bm|cf_clearance)$/, use: 'security', who: 'Cloudflare' },
  // Load balancing
  { pattern: /^(AWSALB|AWSALBCORS|SERVERID)$/, use: 'load-balancing', who: 'répartition de charge' },
];

/** The exempt use a cookie name suggests, or null. */
export function exemptUse(name: string): ExemptCookiePattern | null {
  return EXEMPT_COOKIES.find((e) => e.pattern.test(name)) ?? null;
}
