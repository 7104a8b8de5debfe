import { type Page, expect, test } from '@playwright/test';
import { SCHOOL_A, SCHOOL_B, personContext } from './support/people';
import { TestServer } from './support/server';

/**
 * Story: coordinator A (English) signs up, creates the partnership and invites coordinator B;
 * B opens the link in a browser set to Chinese, creates an account and joins; both see each
 * other in the members list. Everything through the UI.
 */

let server: TestServer;
test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

/** Types words into a picker and takes the one choice they leave. */
async function choose(page: Page, legend: string, label: string, typed: string) {
  const box = page.getByRole('group', { name: legend }).getByRole('combobox', { name: label });
  await box.fill('');
  await box.fill(typed);
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).toHaveCount(1);
  await options.first().click();
}

/** A school's details as a person types them: a city for the zone, a language's name. */
async function fillSchool(
  page: Page,
  legend: string,
  school: typeof SCHOOL_A,
  words: { zone: string; language: string },
  labels = LABELS_EN,
) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel(labels.name).fill(school.name);
  await group.getByLabel(labels.city).fill(school.city);
  await group.getByLabel(labels.country).fill(school.country);
  await choose(page, legend, labels.zone, words.zone);
  await choose(page, legend, labels.language, words.language);
}

const LABELS_EN = {
  name: 'School name',
  city: 'City',
  country: 'Country',
  zone: 'Time zone',
  language: 'Language of the school',
};
const LABELS_ES = {
  name: 'Nombre de la escuela',
  city: 'Ciudad',
  country: 'País',
  zone: 'Zona horaria',
  language: 'Idioma de la escuela',
};

const WORDS_A = { zone: 'Los Angeles', language: 'English' };
const WORDS_B = { zone: 'Shanghai', language: 'Simplified Chinese' };

test('coordinator A creates a partnership and coordinator B joins it in Chinese', async ({
  browser,
}) => {
  const a = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await a.goto(server.url);
  await a.getByRole('button', { name: 'New here? Create an account' }).click();
  await a.getByLabel('Your name').fill('Ana Alvarez');
  await a.getByLabel('Email').fill('ana@lincoln.example');
  await a.getByLabel('Password').fill('aaaaaaaaaaaa');
  await a.getByRole('button', { name: 'Create account' }).click();
  await expect(a.getByRole('alert')).toContainText('This password is too weak');
  await a.getByLabel('Password').fill('our partnership 2027');
  await a.getByRole('button', { name: 'Create account' }).click();
  await expect(a.getByText('You are not in a partnership yet.')).toBeVisible();

  await a.getByRole('button', { name: 'New partnership' }).click();
  await fillSchool(a, 'Your school', SCHOOL_A, WORDS_A);
  await fillSchool(a, 'Partner school', SCHOOL_B, WORDS_B);
  await a.getByRole('button', { name: 'Create partnership' }).click();
  await expect(
    a.getByRole('heading', { name: 'Lincoln High School and 杭州第二中学' }),
  ).toBeVisible();

  await a.getByLabel('School', { exact: true }).selectOption({ label: '杭州第二中学' });
  await a.getByRole('button', { name: 'Create invitation link' }).click();
  const link = await a.getByRole('textbox', { name: /Invitation link/ }).inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);

  const b = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  await b.goto(new URL(link).pathname.replace(/^/, server.url));
  await expect(b.getByRole('heading', { name: '您收到了邀请' })).toBeVisible();
  await expect(b.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await b.getByLabel('您的姓名').fill('王波');
  await b.getByLabel('电子邮箱').fill('wang@hz2.example');
  await b.getByLabel('密码').fill('我们的合作伙伴关系很长久');
  await b.getByRole('button', { name: '创建账户' }).click();
  await b.getByRole('button', { name: '加入合作项目' }).click();
  await expect(b.getByRole('heading', { name: '成员', exact: true })).toBeVisible();

  const membersB = b.locator('.members');
  await expect(membersB.locator('[data-member="Ana Alvarez"]')).toContainText('协调人');
  await expect(membersB.locator('[data-member="王波"]')).toContainText('（您）');

  await a.reload();
  const membersA = a.locator('.members');
  await expect(membersA.locator('[data-member="王波"]')).toContainText('Coordinator');
  await expect(membersA.locator('[data-member="Ana Alvarez"]')).toContainText('(you)');

  // The used link lets nobody else in (the page speaks the invited school's language).
  const c = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await c.goto(new URL(link).pathname.replace(/^/, server.url));
  await expect(c.getByRole('alert')).toContainText('此邀请已被使用');
});

test('a new coordinator picks the zone and language by name, and sees what is missing', async ({
  browser,
}) => {
  const context = await personContext(browser, server.url, 'Marta Ruiz', 'es-ES', 'es');
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Nueva colaboración' }).click();
  // Nothing filled in for the partner school: each missing field says so, and nothing is made.
  const ours = 'Su escuela';
  const group = page.getByRole('group', { name: ours });
  await group.getByLabel('Nombre de la escuela').fill('IES Cervantes');
  await group.getByLabel('Ciudad').fill('Madrid');
  await group.getByLabel('País').fill('España');
  await page.getByRole('button', { name: 'Crear colaboración' }).click();
  const partner = page.getByRole('group', { name: 'Escuela asociada' });
  const partnerZone = partner.getByRole('combobox', { name: 'Zona horaria' });
  await expect(partnerZone).toHaveAttribute('aria-invalid', 'true');
  await expect(partner.getByText('Elija una zona horaria de la lista')).toBeVisible();
  await expect(partner.getByLabel('Nombre de la escuela')).toBeFocused();
  const me = (await (await context.request.get('/api/me')).json()) as { memberships: unknown[] };
  expect(me.memberships).toHaveLength(0);

  await choose(page, ours, 'Zona horaria', 'Madrid');
  await choose(page, ours, 'Idioma de la escuela', 'Spanish');
  await expect(group.getByRole('combobox', { name: 'Zona horaria' })).toHaveValue(/Madrid, España/);
  await expect(group.getByRole('combobox', { name: 'Idioma de la escuela' })).toHaveValue(
    'español',
  );
  await fillSchool(page, 'Escuela asociada', SCHOOL_B, WORDS_B, LABELS_ES);
  await page.getByRole('button', { name: 'Crear colaboración' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /IES Cervantes/ })).toBeVisible();
  const id = page.url().split('/').pop() ?? '';
  const view = (await (await context.request.get(`/api/partnerships/${id}`)).json()) as {
    sides: Record<'A' | 'B', { timeZone: string; language: string }>;
  };
  expect(view.sides.A).toMatchObject({ timeZone: 'Europe/Madrid', language: 'es' });
  expect(view.sides.B).toMatchObject({ timeZone: 'Asia/Shanghai', language: 'zh-Hans' });
  // Codes never reach the screen: the overview names the zone and the language.
  const overview = page.locator('.school').first();
  await expect(overview).toContainText('Madrid, España');
  await expect(overview).toContainText('español');
  await expect(overview).not.toContainText('Europe/Madrid');
});

test('an invitation link is copied, listed and revoked, and then fails in the invited language', async ({
  browser,
}) => {
  const a = await personContext(browser, server.url, 'Ana Alvarez', 'en-US', 'en');
  await a.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const created = await a.request.post('/api/partnerships', {
    data: { sideA: SCHOOL_A, sideB: SCHOOL_B },
  });
  const { id } = (await created.json()) as { id: string };
  const page = await a.newPage();
  await page.goto(`/p/${id}`);
  // With no partner coordinator yet, that is the next step, and it leads to the invitations.
  await page.getByRole('link', { name: /Invite the partner school/ }).click();
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  await page.getByRole('button', { name: /Copy the invitation link/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/invite\/[\w-]{40,}$/);

  const open = page.getByRole('region', { name: 'Open invitations' });
  await expect(open.getByRole('listitem')).toHaveCount(1);
  await expect(open).toContainText('Coordinator at 杭州第二中学');
  await open.getByRole('button', { name: 'Revoke' }).click();
  await expect(open.getByText('No open invitations.')).toBeVisible();

  const b = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await b.goto(new URL(copied).pathname.replace(/^/, server.url));
  await expect(b.getByRole('alert')).toContainText('此邀请已失效');
});
