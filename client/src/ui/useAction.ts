import { type FormEvent, useCallback, useState } from 'react';

/**
 * Runs an async action from a form or button: tracks whether it is running (to disable the
 * control) and keeps its error to show.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [isRunning, setIsRunning] = useState(false);
  const run = useCallback(
    async (...args: A) => {
      setIsRunning(true);
      setError(null);
      try {
        await action(...args);
      } catch (caught) {
        setError(caught);
      } finally {
        setIsRunning(false);
      }
    },
    [action],
  );
  return { run, error, isRunning };
}

/** `useAction` for a form: its `onSubmit` runs the action instead of loading a new page. */
export function useFormAction(action: () => Promise<void>) {
  const { run, error, isRunning } = useAction(action);
  const onSubmit = useCallback(
    (event: FormEvent) => {
      event.preventDefault();
      void run();
    },
    [run],
  );
  return { onSubmit, error, isRunning };
}
