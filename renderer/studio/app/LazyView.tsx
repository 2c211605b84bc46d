import { Button, Callout, Intent, Spinner } from '@blueprintjs/core';
import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';

export interface LazyViewProps {
  /** What is loading, said to the designer and to screen readers ("Loading the lesson editor…"). */
  readonly label: string;
  readonly children: ReactNode;
}

/** The placeholder while an editor's code arrives: a spinner with words, announced politely. */
export function LoadingView({ label }: { readonly label: string }): ReactNode {
  return (
    <div className="lazy-loading" role="status">
      <Spinner size={20} aria-hidden />
      <span>{label}</span>
    </div>
  );
}

interface BoundaryState {
  readonly failed: boolean;
}

/**
 * Catches an editor whose code could not be loaded (the files changed under a running studio, a
 * broken install) and offers to try again, instead of taking the whole workspace down.
 */
class LoadFailureBoundary extends Component<{ readonly children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A studio view failed to load', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Callout intent={Intent.DANGER} title="This view could not be loaded" role="alert" className="lazy-failed">
        <p>Tailor could not load the code for this view. Reload the studio; your course is saved.</p>
        <Button text="Reload the studio" onClick={() => window.location.reload()} />
      </Callout>
    );
  }
}

/**
 * A view whose code is loaded on first use (React.lazy): the workspace's first screen needs only
 * the shell, the outline and the module list, so the rich-text, condition, flow and preview editors
 * are fetched when the designer opens one of them.
 */
export function LazyView({ label, children }: LazyViewProps): ReactNode {
  return (
    <LoadFailureBoundary>
      <Suspense fallback={<LoadingView label={label} />}>{children}</Suspense>
    </LoadFailureBoundary>
  );
}
