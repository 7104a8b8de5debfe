import { Component, type ReactNode } from 'react';
import { Trans } from 'react-i18next';

interface State {
  failed: boolean;
}

/**
 * When a screen's code cannot be loaded (offline, or a new version replaced it), says so and
 * offers a reload, instead of leaving the page blank.
 */
export class ScreenBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) {
      this.setState({ failed: false });
    }
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="notice" role="alert">
        <p>
          <Trans ns="common" i18nKey="screenFailed" />
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          <Trans ns="common" i18nKey="reload" />
        </button>
      </div>
    );
  }
}
