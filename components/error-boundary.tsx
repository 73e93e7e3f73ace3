import { Component, type ReactNode } from 'react';
import { t } from '@/lib/i18n';

/** Shows a French message instead of a blank panel if rendering fails; nothing is stored yet, so nothing is lost. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="panel">
        <h1>{t('panelTitle')}</h1>
        <p>{t('renderError')}</p>
        <pre className="error-detail">{this.state.error.message}</pre>
        <button type="button" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      </div>
    );
  }
}
