import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import type { ActionMenuProps } from './menuAction';

export type { ActionMenuProps, MenuAction } from './menuAction';

type ViewProps = ActionMenuProps & { opensAtOnce: boolean };

let view: Promise<{ default: ComponentType<ViewProps> }> | null = null;
let isLoaded = false;
const loadView = () => {
  view ??= import('./ActionMenuView').then((module) => {
    isLoaded = true;
    return module;
  });
  return view;
};
const ActionMenuView = lazy(loadView);

/**
 * Runs `load` once the page has rendered, when the browser is next idle: soon enough that a
 * key pressed on a menu button rarely finds the menu's code still on its way.
 */
function whenSettled(load: () => void): () => void {
  let idle = 0;
  const timer = setTimeout(() => {
    if ('requestIdleCallback' in window) idle = requestIdleCallback(load, { timeout: 3_000 });
    else load();
  }, 0);
  return () => {
    clearTimeout(timer);
    if (idle) cancelIdleCallback(idle);
  };
}

/**
 * One button opening a list of actions, in place of a row of buttons. The menu's code (React
 * Aria) loads once the page has settled, so that a first visit shows its documents without
 * waiting for it; until then the button is a plain one, which loads and opens the menu if
 * someone presses it first.
 */
export function ActionMenu(props: ActionMenuProps) {
  const [isReady, setReady] = useState(isLoaded);
  const [isWanted, setWanted] = useState(false);
  useEffect(() => {
    if (isReady) return;
    return whenSettled(() => void loadView().then(() => setReady(true)));
  }, [isReady]);
  const trigger = (
    <button
      type="button"
      className="secondary menu-button"
      aria-label={props.label}
      aria-haspopup="menu"
      aria-expanded={false}
      onClick={() => setWanted(true)}
      onKeyDown={(event) => {
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
        event.preventDefault();
        setWanted(true);
      }}
    >
      {props.text} <span aria-hidden="true">▾</span>
    </button>
  );
  if (!isReady && !isWanted) return trigger;
  return (
    <Suspense fallback={trigger}>
      <ActionMenuView {...props} opensAtOnce={isWanted} />
    </Suspense>
  );
}
