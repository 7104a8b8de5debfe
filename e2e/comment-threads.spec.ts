import { expect, test } from '@playwright/test';
import { partnershipOf, personContext, bothCoordinators } from './support/people';
import { TestServer } from './support/server';

/**
 * Story: teacher B comments in Chinese on a clause while coordinator A is away (another time
 * zone, asleep). A comes back later, sees the unread badge, replies in English and resolves;
 * B sees the reply and the resolution live.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

test('a thread across two schools and two time zones', async ({ browser }) => {
  const contextA = await personContext(
    browser,
    server.url,
    'Ana Alvarez',
    'en-US',
    'en',
    'America/Los_Angeles',
  );
  const contextB = await personContext(
    browser,
    server.url,
    '王波',
    'zh-CN',
    'zh-Hans',
    'Asia/Shanghai',
  );
  const id = await partnershipOf(contextA, contextB);
  const invite = await contextB.request.post(`/api/partnerships/${id}/invites`, {
    data: { side: 'B', role: 'teacher' },
  });
  const { token } = (await invite.json()) as { token: string };
  const contextT = await personContext(
    browser,
    server.url,
    '李老师',
    'zh-CN',
    'zh-Hans',
    'Asia/Shanghai',
  );
  await contextT.request.post(`/api/invites/${token}/accept`);

  // Teacher B writes and comments on a stretch of the Chinese text.
  const teacher = await contextT.newPage();
  await teacher.goto(`/p/${id}/agreement`);
  const purpose = teacher.locator('li.clause').first();
  await teacher.getByRole('textbox', { name: '合作目的，简体中文版本' }).click();
  await teacher.keyboard.type('我们两所学校一起学习。');
  for (let i = 0; i < 5; i++) await teacher.keyboard.press('Shift+ArrowLeft');
  await purpose.getByRole('button', { name: '评论所选文字' }).first().click();
  await purpose.getByLabel('您的评论').fill('这里是否也包括教师？');
  await purpose.getByRole('button', { name: '发表评论' }).click();
  const teacherThread = purpose.locator('.thread');
  await expect(teacherThread.locator('blockquote')).toHaveText('一起学习。');
  await expect(purpose.locator('.comment-highlight')).toHaveText('一起学习。');

  // A comes back later: the badge says what is new; the comment shows both local times.
  const a = await contextA.newPage();
  // The inbox names the clause and leads straight to it.
  await a.goto(`/p/${id}/inbox`);
  await a.getByRole('link', { name: 'Purpose of the partnership' }).click();
  await expect(a).toHaveURL(new RegExp(`/p/${id}/agreement#clause-purpose$`));
  await expect(a.getByRole('link', { name: '1 new comment since your last visit' })).toBeVisible();
  const thread = a.locator('li.clause').first().locator('.thread');
  await expect(thread.locator('.comment-body')).toHaveText('这里是否也包括教师？');
  await expect(thread.getByText('New', { exact: true })).toBeVisible();
  await expect(thread.locator('.comment-meta')).toContainText('for the writer');
  await thread.getByLabel('Reply').fill('Yes, teachers too.');
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();

  await expect(teacherThread.locator('.comment-body').nth(1)).toHaveText('Yes, teachers too.');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  // Resolved threads leave the "open" list, for both, live.
  await expect(teacherThread).toHaveCount(0);
  await teacher.getByLabel('已解决', { exact: true }).check();
  await expect(teacherThread.getByText('已解决。')).toBeVisible();
  await expect(teacherThread.locator('.comment-body').nth(1)).toHaveText('Yes, teachers too.');

  // Replying marked it read: nothing new for A any more.
  await a.reload();
  await expect(a.getByRole('link', { name: '0 new comments since your last visit' })).toBeVisible();
});

test('mentions, a clause proposal, and a thread whose text was deleted', async ({ browser }) => {
  const { a: contextA, id } = await bothCoordinators(browser, server.url);
  const invite = await contextA.request.post(`/api/partnerships/${id}/invites`, {
    data: { side: 'A', role: 'leader' },
  });
  const { token } = (await invite.json()) as { token: string };
  const contextL = await personContext(browser, server.url, 'Lee Principal', 'en-US', 'en');
  await contextL.request.post(`/api/invites/${token}/accept`);

  const a = await contextA.newPage();
  await a.goto(`/p/${id}/agreement`);
  const english = a.getByRole('textbox', { name: 'Purpose of the partnership, English version' });
  await english.click();
  await a.keyboard.type('Students visit for two weeks.');

  // The leader may comment but not edit: the editor is read-only, proposals are allowed.
  const leader = await contextL.newPage();
  await leader.goto(`/p/${id}/agreement`);
  const row = leader.locator('li.clause').first();
  await expect(
    leader.getByRole('textbox', { name: 'Purpose of the partnership, English version' }),
  ).toHaveAttribute('contenteditable', 'false');
  await expect(
    leader.getByRole('textbox', { name: 'Purpose of the partnership, English version' }),
  ).toContainText('Students visit for two weeks.');
  await row.getByRole('button', { name: 'Propose new text' }).first().click();
  // The proposal starts from the current text, has the focus, and shows the change as it grows.
  const proposal = row.getByLabel('The text you propose for this version');
  await expect(proposal).toBeFocused();
  await expect(proposal).toHaveValue('Students visit for two weeks.');
  await proposal.fill('Students visit for two weeks, hosted by families.');
  await expect(row.locator('.composer .diff-text ins')).toHaveText(', hosted by families');
  await row.getByRole('button', { name: 'Propose', exact: true }).click();
  // @mentions: pick from the members as you type; nobody is offered themselves.
  const replyBox = row.locator('.thread').getByLabel('Reply');
  await replyBox.fill('@Lee');
  await expect(row.getByRole('option')).toHaveCount(0);
  await replyBox.fill('@An');
  await expect(row.getByRole('option', { name: 'Ana Alvarez' })).toBeVisible();
  await replyBox.press('Enter');
  await expect(replyBox).toHaveValue('@Ana Alvarez ');
  await replyBox.pressSequentially('please have a look.');
  await row.locator('.thread').getByRole('button', { name: 'Reply', exact: true }).click();

  const aRow = a.locator('li.clause').first();
  await a.getByLabel('Mentioning me').check();
  const proposed = aRow.locator('.thread');
  await expect(proposed.locator('.mention-chip')).toHaveText('@Ana Alvarez');
  await expect(proposed.locator('.proposal ins')).toHaveText(', hosted by families');
  await proposed.getByRole('button', { name: 'Accept' }).click();
  await expect(english).toContainText('Students visit for two weeks, hosted by families.');

  // A comments on "two weeks", then deletes that text: the thread is detached, not lost.
  await a.getByLabel('Open', { exact: true }).check();
  await english.click();
  await a.keyboard.press('End');
  await a.keyboard.press('Home');
  for (let i = 0; i < 19; i++) await a.keyboard.press('ArrowRight');
  for (let i = 0; i < 9; i++) await a.keyboard.press('Shift+ArrowRight');
  await aRow.getByRole('button', { name: 'Comment on selection' }).first().click();
  await aRow.getByLabel('Your comment').fill('Is two weeks right for both schools?');
  await aRow.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(aRow.locator('.thread blockquote')).toHaveText('two weeks');
  await english.click();
  await a.keyboard.press('Home');
  for (let i = 0; i < 19; i++) await a.keyboard.press('ArrowRight');
  for (let i = 0; i < 10; i++) await a.keyboard.press('Shift+ArrowRight');
  await a.keyboard.press('Delete');
  await expect(aRow.locator('.thread.is-detached')).toBeVisible();
  await expect(aRow.locator('.thread.is-detached blockquote')).toHaveText('two weeks');
  await expect(aRow.getByText('The text this thread pointed at was deleted.')).toBeVisible();
  // Re-anchor it on other text.
  await english.click();
  await a.keyboard.press('Home');
  for (let i = 0; i < 8; i++) await a.keyboard.press('Shift+ArrowRight');
  await aRow.getByRole('button', { name: 'Attach to the selected text' }).click();
  await expect(aRow.locator('.thread.is-detached')).toHaveCount(0);
  await expect(aRow.locator('.comment-highlight')).toHaveText('Students');
});
