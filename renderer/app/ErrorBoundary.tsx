// Catches a crash in a screen so the rest of the console stays usable: the
// operator sees what broke (message, and details for a bug report) and can go
// back to Accounts, which also clears the error.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from './ErrorPanel';

interface Props {
  /** Called by "Back to Accounts" after the error is cleared. */
  onReset: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  componentStack: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? '' });
  }

  private readonly reset = (): void => {
    this.setState({ error: null, componentStack: '' });
    this.props.onReset();
  };

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return <ErrorPanel error={this.state.error} componentStack={this.state.componentStack} onReset={this.reset} />;
  }
}
