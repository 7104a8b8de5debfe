import { useEffect, useState } from 'react';
import { api } from './api';

let answer: Promise<boolean> | null = null;

/**
 * Whether the server sends email (SMTP_URL is set), asked once per page load; the answer comes
 * with the password-reset endpoint, which anyone may read. Null until known.
 */
export function useIsEmailOn(): boolean | null {
  const [isOn, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    answer ??= api<{ isEmailOn: boolean }>('GET', '/api/password-resets').then(
      (body) => body.isEmailOn,
      () => {
        answer = null;
        return false;
      },
    );
    let isCurrent = true;
    void answer.then((value) => {
      if (isCurrent) setOn(value);
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  return isOn;
}
