import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  title: string;
  hint: string;
  retry: string;
  children: ReactNode;
}

/** Catches a render error in one page so the shell (menu, header) keeps working. */
class Boundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report; the page shows a plain message.
    console.error('page crashed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="warning"
        data-testid="page-crashed"
        title={this.props.title}
        subTitle={this.props.hint}
        extra={<Button onClick={() => this.setState({ error: null })}>{this.props.retry}</Button>}
      />
    );
  }
}

/** One boundary per page: keyed by the path, so moving to another page starts it fresh. */
export function PageBoundary({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <Boundary key={location.pathname} title={t('error.pageCrashed')} hint={t('error.pageCrashedHint')} retry={t('common.retry')}>
      {children}
    </Boundary>
  );
}
