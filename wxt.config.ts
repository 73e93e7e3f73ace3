import { defineConfig } from 'wxt';

// Manifest and build settings. Permissions stay minimal: the side panel reads the
// active tab's URL and title (tabs) to detect the deliverable; page access is asked
// for at runtime by later features (activeTab + scripting), never granted up front.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: browser === 'firefox' ? ['tabs'] : ['tabs', 'sidePanel'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'grille@grille.example',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
