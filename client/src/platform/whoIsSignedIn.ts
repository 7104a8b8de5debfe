import type { Account, Membership } from '@tandem/shared/api';
import { api } from './api';

/** Who is signed in, and where. */
export interface Me {
  account: Account;
  memberships: Membership[];
}

let early: Promise<Me> | null = null;

/** Asks the server who is signed in as the page starts, while the app's code still arrives. */
export function askEarly(): void {
  early = api<Me>('GET', '/api/me');
  // Whoever takes the answer handles a failure; until then it is not unhandled.
  early.catch(() => undefined);
}

/** Who is signed in: the early answer the first time, a fresh one after. */
export function whoIsSignedIn(): Promise<Me> {
  const answer = early ?? api<Me>('GET', '/api/me');
  early = null;
  return answer;
}
