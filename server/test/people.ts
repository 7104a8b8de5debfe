import type { Role, Side } from '@tandem/shared/people';

/** A person using the API through their own cookie, like a browser would. */
export interface Person {
  email: string;
  cookie: string;
  accountId: string;
}

const SCHOOL_A = {
  name: 'Lincoln High School',
  city: 'Portland',
  country: 'US',
  timeZone: 'America/Los_Angeles',
  language: 'en',
};
const SCHOOL_B = {
  name: '杭州第二中学',
  city: 'Hangzhou',
  country: 'CN',
  timeZone: 'Asia/Shanghai',
  language: 'zh-Hans',
};

let counter = 0;

/** Every test person's password. */
export const PASSWORD = 'a long passphrase 42';

/** Calls the API as `person` (or anonymously); resolves to status and parsed body. */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  person?: Person | null,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(person ? { Cookie: person.cookie } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: res.headers,
  };
}

function cookieOf(headers: Headers): string {
  const setCookie = headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}

/** Creates an account and returns the signed-in person. */
export async function signUp(base: string, name = 'Person', language = 'en'): Promise<Person> {
  const email = `person${++counter}-${Date.now()}@school.example`;
  const res = await call(base, 'POST', '/api/accounts', {
    email,
    password: PASSWORD,
    name,
    language,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(res.body)}`);
  const { account } = res.body as { account: { id: string } };
  return { email, cookie: cookieOf(res.headers), accountId: account.id };
}

/** A partnership created by a fresh coordinator of side A. */
export async function createPartnership(
  base: string,
): Promise<{ id: string; coordinatorA: Person }> {
  const coordinatorA = await signUp(base, 'Ana Coordinator');
  const res = await call(
    base,
    'POST',
    '/api/partnerships',
    { sideA: SCHOOL_A, sideB: SCHOOL_B },
    coordinatorA,
  );
  if (res.status !== 201) throw new Error(`partnership failed: ${JSON.stringify(res.body)}`);
  return { id: (res.body as { id: string }).id, coordinatorA };
}

/** Creates an invitation as `by` and returns its token. */
export async function invite(
  base: string,
  by: Person,
  id: string,
  side: Side,
  role: Role,
  extra = {},
): Promise<string> {
  const res = await call(
    base,
    'POST',
    `/api/partnerships/${id}/invites`,
    { side, role, ...extra },
    by,
  );
  if (res.status !== 201)
    throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

/** A new person joins the partnership through an invitation. */
export async function join(
  base: string,
  by: Person,
  id: string,
  side: Side,
  role: Role,
): Promise<Person> {
  const token = await invite(base, by, id, side, role);
  const person = await signUp(base, `${role} ${side}`);
  const res = await call(base, 'POST', `/api/invites/${token}/accept`, undefined, person);
  if (res.status !== 200) throw new Error(`accept failed: ${JSON.stringify(res.body)}`);
  return person;
}

/** A partnership with a coordinator on each side. */
export async function twoSchools(base: string) {
  const { id, coordinatorA } = await createPartnership(base);
  const coordinatorB = await join(base, coordinatorA, id, 'B', 'coordinator');
  return { id, coordinatorA, coordinatorB };
}

/** How many unread comments `person` has in the partnership's inbox. */
export async function inboxTotal(base: string, id: string, person: Person): Promise<number> {
  const { body } = await call(base, 'GET', `/api/partnerships/${id}/inbox`, undefined, person);
  return (body as { total: number }).total;
}
