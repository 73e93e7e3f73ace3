// Code passed to page.evaluate runs in Grille's extension pages, where `chrome` is the WebExtension API.
declare const chrome: typeof import('wxt/browser').browser;
