import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from './I18nContext';

function SurfaceCrashed({ error }: { error: unknown }) {
  const { t } = useI18n();
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <MessageBar intent="error" layout="multiline" data-testid="surface-error">
      <MessageBarBody>
        <MessageBarTitle>{t('error.crashed.title')}</MessageBarTitle>
        {t('error.crashed.body')}
        <details>
          <summary>{t('error.crashed.detail')}</summary>
          <code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{detail.slice(0, 300)}</code>
        </details>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => window.location.reload()}>
          {t('error.crashed.reload')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * A render error anywhere in a surface shows what happened, in the host's language and theme, instead
 * of React unmounting the whole page to white. What the official typed is already kept by the drafts
 * store, so a reload loses nothing.
 */
export class SurfaceErrorBoundary extends Component<{ children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Partnerzicht:', error, info.componentStack);
  }

  override render(): ReactNode {
    return 'error' in this.state && this.state.error !== undefined ? <SurfaceCrashed error={this.state.error} /> : this.props.children;
  }
}
