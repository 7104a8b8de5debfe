import { useEffect, useState } from 'react';
import { api } from './api';

let answer: Promise<boolean | null> | null = null;

/**
 * Whether the server sends email (SMTP_URL is set), asked once per page load; the answer comes
 * with the password-reset endpoint, which anyone may read. Null until known, and when the
 * server could not be asked (it is asked again on the next use).
 */
export function useIsEmailOn(): boolean | null {
  const [isOn, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    answer ??= api<{ isEmailOn: boolean }>('GET', '/api/password-resets').then(
      (body) => body.isEmailOn,
      () => {
        answer = null;
        return null;
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
