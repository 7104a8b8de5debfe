import { expect, test } from '@playwright/test';
import { agreeOnOneClause, forceEdit, signAsCoordinators } from './support/agreement';
import { bothCoordinators, personContext } from './support/people';
import { TestServer } from './support/server';

/**
 * Stories: the badge says "saved" only when the server stored the edit; an edit the server
 * refuses is explained and undone, on screen and on this device; and a lost connection shows
 * within seconds.
 */

let server: TestServer;
test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

const ENGLISH = 'Purpose of the partnership, English version';

test('a signed agreement offers no edit, and a forced one is refused and undone', async ({
  browser,
}) => {
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);
  await agreeOnOneClause(a, b);
  await a.getByRole('button', { name: 'Start signing' }).click();
  await a.getByRole('button', { name: 'Freeze and start signing' }).click();
  await signAsCoordinators(contextA, contextB, id);

  await expect(a.getByRole('heading', { name: 'Partnership agreement (signed)' })).toBeVisible();
  await expect(b.getByRole('heading', { name: '合作协议（已签署）' })).toBeVisible();
  await expect(a.getByRole('textbox', { name: ENGLISH })).toHaveAttribute(
    'contenteditable',
    'false',
  );
  for (const name of [
    'Propose new text',
    'Accept',
    'Remove',
    'Add clause',
    'Mark aligned',
    'Move up',
    'Move down',
  ]) {
    await expect(a.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(a.getByRole('button', { name: /^Actions for clause/ })).toHaveCount(0);
  await expect(a.getByRole('textbox', { name: /title/i })).toHaveCount(0);
  await expect(a.getByRole('button', { name: 'Start an amendment' })).toBeVisible();

  await forceEdit(a, ENGLISH, 'Each school pays for everything.');
  await expect(a.getByRole('alert')).toContainText(
    'This change was not saved: the agreement is signed; only an amendment can change it.',
  );
  await expect(a.getByRole('textbox', { name: ENGLISH })).toHaveText(
    'Our two schools learn together.',
  );
  await a.reload();
  await expect(a.getByRole('textbox', { name: ENGLISH })).toHaveText(
    'Our two schools learn together.',
  );
  await expect(b.getByRole('textbox', { name: '合作目的，英语版本' })).toHaveText(
    'Our two schools learn together.',
  );
});

test("a reader's forced edit is refused in their language and undone", async ({ browser }) => {
  const { a: contextA, id } = await bothCoordinators(browser, server.url);
  const coordinator = await contextA.newPage();
  await coordinator.goto(`/p/${id}/agreement`);
  await coordinator.getByRole('textbox', { name: ENGLISH }).click();
  await coordinator.keyboard.type('Both schools host.');
  await expect(coordinator.locator('[data-state="connected"]')).toBeVisible();

  const invite = await contextA.request.post(`/api/partnerships/${id}/invites`, {
    data: { side: 'A', role: 'leader' },
  });
  const { token } = (await invite.json()) as { token: string };
  const leaderContext = await personContext(browser, server.url, 'Sam Leader', 'fr-FR', 'fr');
  await leaderContext.request.post(`/api/invites/${token}/accept`);
  const leader = await leaderContext.newPage();
  await leader.goto(`/p/${id}/agreement`);
  const label = /^Purpose of the partnership, version en anglais$/;
  await expect(leader.getByRole('textbox', { name: label })).toContainText('Both schools host.');
  await forceEdit(leader, label, 'Only one school hosts.');
  await expect(leader.getByRole('alert')).toContainText(
    "Cette modification n'a pas été enregistrée : vous pouvez seulement lire ce document.",
  );
  await expect(leader.getByRole('textbox', { name: label })).toContainText('Both schools host.');
  await expect(leader.getByRole('textbox', { name: label })).not.toContainText('Only one');
  await leader.reload();
  await expect(leader.getByRole('textbox', { name: label })).toContainText('Both schools host.');
  await expect(coordinator.getByRole('textbox', { name: ENGLISH })).toHaveText(
    'Both schools host.',
  );
});

test('offline shows within 5 seconds, and "saved" returns once the partner has the edit', async ({
  browser,
}) => {
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);
  const badge = a.locator('p.connection');
  await expect(badge).toHaveAttribute('data-state', 'connected');

  await contextA.setOffline(true);
  await expect(badge).toHaveAttribute('data-state', /^offline/, { timeout: 5_000 });
  await a.getByRole('textbox', { name: ENGLISH }).click();
  await a.keyboard.type('Written on the train.');
  await expect(badge).not.toHaveAttribute('data-state', 'connected');

  await contextA.setOffline(false);
  await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  // Saved means stored: the partner, fed only from what the server stored, has it now.
  await expect(b.getByRole('textbox', { name: '合作目的，英语版本' })).toContainText(
    'Written on the train.',
    { timeout: 1_000 },
  );
});
