import type { Auth } from '../../auth/Auth';
import type { PeopleStore } from '../../persistence/PeopleStore';
import type { LiveConnections } from '../../rooms/LiveConnections';

/** What the API routes work with. */
export interface ApiDeps {
  people: PeopleStore;
  auth: Auth;
  connections: LiveConnections;
  publicUrl: string;
}
