// Keeps one broken area from blanking the whole page: it says what failed and offers a retry.
import { Component, type ReactNode } from 'react';

interface Props {
  area: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="m-4 rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-500/40 dark:bg-rose-950/40 dark:text-rose-200">
        <p className="font-semibold">The {this.props.area} failed to draw.</p>
        <p className="mt-1 font-mono text-xs break-words">{this.state.error.message}</p>
        <button type="button" className="mt-3 rounded-md bg-rose-600 px-3 py-1 text-xs font-semibold text-white hover:bg-rose-700" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
