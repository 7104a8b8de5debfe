import { expect, test } from '@playwright/test';
import { personContext, bothCoordinators } from './support/people';
import { TestServer } from './support/server';

/**
 * Story: a host parent of school B opens the agreement. They can read it but not change it,
 * are told why, and see no administration controls on the partnership page.
 */

let server: TestServer;
test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

test('a host parent reads the agreement without being able to edit it', async ({ browser }) => {
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const invite = await contextB.request.post(`/api/partnerships/${id}/invites`, {
    data: { side: 'B', role: 'host-parent' },
  });
  const { token } = (await invite.json()) as { token: string };
  const parentContext = await personContext(browser, server.url, '李华', 'zh-CN', 'zh-Hans');
  await parentContext.request.post(`/api/invites/${token}/accept`);

  const coordinator = await contextA.newPage();
  await coordinator.goto(`/p/${id}/agreement`);
  await coordinator
    .getByRole('textbox', { name: 'Purpose of the partnership, English version' })
    .click();
  await coordinator.keyboard.type('Both schools share their own traditions.');

  const parent = await parentContext.newPage();
  await parent.goto(`/p/${id}/agreement`);
  const editor = parent.getByRole('textbox', { name: '合作目的，英语版本' });
  await expect(editor).toContainText('Both schools share their own traditions.');
  await expect(editor).toHaveAttribute('contenteditable', 'false');
  await expect(parent.getByRole('note')).toHaveText('您可以阅读此文档，但不能修改。');

  await parent.goto(`/p/${id}`);
  await expect(parent.getByRole('heading', { name: '成员', exact: true })).toBeVisible();
  await expect(parent.getByRole('button', { name: '生成邀请链接' })).toHaveCount(0);
  await expect(parent.getByRole('button', { name: '编辑信息' })).toHaveCount(0);
  await expect(parent.locator('select[aria-label^="李华"]')).toHaveCount(0);
});
