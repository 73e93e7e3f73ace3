// Opens Grille's panel from the toolbar button: Chrome's side panel, Firefox's sidebar.
export default defineBackground(() => {
  if (import.meta.env.FIREFOX) {
    // Firefox (MV2): the toolbar button toggles the sidebar.
    // sidebarAction is Firefox-only, so the shared browser typings do not declare it.
    const { sidebarAction } = browser as unknown as { sidebarAction: { toggle(): Promise<void> } };
    browser.browserAction.onClicked.addListener(() => {
      void sidebarAction.toggle();
    });
  } else {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  }
});
