import { defineConfig } from 'wxt';

// Manifest and build settings. Permissions stay minimal:
// - tabs: read the active tab's address to tell which deliverable it shows;
// - scripting: read a page once when the juror asks (no standing content script);
// - storage: remember the juror's last certification and bloc, and hand a capture from the
//   context menu to the panel (storage.session);
// - contextMenus: « Ajouter comme preuve… » on a selection in the page;
// - activeTab: the juror's click on that menu item or on Grille's toolbar button lets Grille read
//   that one tab's selection and capture its visible part, then and there — no standing access
//   to any site (tabs.captureVisibleTab accepts activeTab, never a per-site grant);
// - unlimitedStorage: a season of evaluations with screenshots must not hit the default quota
//   nor be evicted under storage pressure (no warning is shown for it);
// - host access is optional, asked at runtime for one site at a time, with the reason shown;
// - browsingData is optional, asked when the juror starts the consent walkthrough (« Recharger
//   sans cookies » clears that one site's cookies and storage).
const optionalOrigins = ['http://*/*', 'https://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Rolldown's constant inlining copies a long string const into every place that reads it: tldts's
  // Public Suffix List (a ~100 kB string read 3 times) tripled. Off, the rest of the build moves by bytes.
  vite: () => ({ build: { rolldownOptions: { optimization: { inlineConst: false } } } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['tabs', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus', 'activeTab'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          optional_permissions: [...optionalOrigins, 'browsingData'],
          browser_specific_settings: {
            gecko: {
              id: 'grille@grille-extension.fr',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { optional_host_permissions: optionalOrigins, optional_permissions: ['browsingData'] }),
  }),
});
