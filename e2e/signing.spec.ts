import fs from 'node:fs';
import { type Browser, type BrowserContext, expect, test } from '@playwright/test';
import { agreeOnOneClause } from './support/agreement';
import { personContext, bothCoordinators } from './support/people';
import { TestServer } from './support/server';

/**
 * Story: coordinator A starts signing a one-clause agreement both schools aligned and approved;
 * leader A draws a signature with the mouse; leader B, in the Chinese UI, types one; everyone
 * sees each step live, and editing stays disabled while signing and after.
 */

let server: TestServer;

test.beforeAll(async () => {
  server = await TestServer.start();
});
test.afterAll(async () => {
  await server.stop();
});

async function leader(
  browser: Browser,
  coordinator: BrowserContext,
  id: string,
  side: 'A' | 'B',
  name: string,
  locale: string,
  lang: string,
) {
  const invite = await coordinator.request.post(`/api/partnerships/${id}/invites`, {
    data: { side, role: 'leader' },
  });
  const { token } = (await invite.json()) as { token: string };
  const context = await personContext(browser, server.url, name, locale, lang);
  await context.request.post(`/api/invites/${token}/accept`);
  const page = await context.newPage();
  await page.goto(`/p/${id}/agreement`);
  return page;
}

test('both schools sign the agreement', async ({ browser }) => {
  // Four people, two guided signings and a PDF render: longer than one story's default minute.
  test.setTimeout(120_000);
  const { a: contextA, b: contextB, id } = await bothCoordinators(browser, server.url);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);

  // A one-clause agreement, written in both languages, aligned and approved by both schools.
  await agreeOnOneClause(a, b);

  // Review, then confirm: the coordinator is told what freezing means for both schools.
  await expect(a.getByRole('listitem').filter({ hasText: 'Review' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await a.getByRole('button', { name: 'Start signing' }).click();
  await expect(
    a.getByRole('group', { name: 'Freeze the agreement for both schools?' }),
  ).toContainText('nobody at Lincoln High School or 杭州第二中学 can change the text');
  await a.getByRole('button', { name: 'Freeze and start signing' }).click();
  await expect(b.getByRole('heading', { name: '签署进行中：文本已冻结' })).toBeVisible();
  await expect(b.getByRole('heading', { name: '合作协议（签署中）' })).toBeVisible();
  await expect(
    a.getByRole('textbox', { name: 'Purpose of the partnership, English version' }),
  ).toHaveAttribute('contenteditable', 'false');

  const leaderA = await leader(browser, contextA, id, 'A', 'Pat Principal', 'en-US', 'en');
  await leaderA.getByLabel('Title (e.g. Principal)').fill('Principal');
  const pad = leaderA.getByRole('img', { name: /Signature area/ });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  await leaderA.mouse.move(box.x + 20, box.y + 100);
  await leaderA.mouse.down();
  for (const [x, y] of [
    [80, 40],
    [140, 120],
    [200, 50],
    [260, 110],
  ] as const) {
    await leaderA.mouse.move(box.x + x, box.y + y, { steps: 5 });
  }
  await leaderA.mouse.up();
  // The button says what is missing before it can be pressed.
  await expect(
    leaderA.getByRole('button', { name: 'Sign for Lincoln High School' }),
  ).toBeDisabled();
  await expect(leaderA.locator('#sign-missing')).toContainText('your consent');
  const prompts = leaderA.getByRole('checkbox', { name: /I have read the/ });
  if ((await prompts.count()) > 0) await prompts.check();
  await leaderA.getByRole('checkbox', { name: /I sign this partnership agreement/ }).check();
  await leaderA.getByRole('button', { name: 'Sign for Lincoln High School' }).click();
  await expect(
    b.getByText(/Lincoln High School：由 Pat Principal（Principal）于 .* 签署/),
  ).toBeVisible();

  const leaderB = await leader(browser, contextB, id, 'B', '刘校长', 'zh-CN', 'zh-Hans');
  await leaderB.getByLabel('职务（如：校长）').fill('校长');
  await leaderB.getByRole('radio', { name: '输入' }).check();
  await leaderB.getByLabel('输入您的姓名作为签名').fill('刘校长');
  await expect(leaderB.locator('.typed-signature')).toHaveCSS('font-family', /Tandem Signature/);
  const promptsB = leaderB.getByRole('checkbox', { name: /我已阅读/ });
  if ((await promptsB.count()) > 0) await promptsB.check();
  await leaderB.getByRole('checkbox', { name: /我代表杭州第二中学签署/ }).check();
  await leaderB.getByRole('button', { name: '代表杭州第二中学签署' }).click();

  await expect(a.getByRole('heading', { name: 'Signed by both schools' })).toBeVisible();
  await expect(a.getByRole('heading', { name: 'Partnership agreement (signed)' })).toBeVisible();
  await expect(b.getByRole('heading', { name: '两校均已签署' })).toBeVisible();
  await expect(b.getByRole('textbox', { name: '合作目的，简体中文版本' })).toHaveAttribute(
    'contenteditable',
    'false',
  );

  // Both schools download the same signed PDF, and the verify page vouches for it.
  const downloaded = async (page: typeof a, name: string) => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name }).click();
    return (await download).path();
  };
  const fileA = await downloaded(a, 'Download the signed PDF');
  const fileB = await downloaded(b, '下载已签署的 PDF');
  expect(fs.readFileSync(fileA).equals(fs.readFileSync(fileB))).toBe(true);
  await b.goto('/verify');
  await b.getByLabel('选择要检查的 PDF').setInputFiles(fileB);
  await expect(b.getByRole('heading', { name: '此签署协议真实且未被修改。' })).toBeVisible();
  await expect(b.getByText(/Lincoln High School：Pat Principal，Principal/)).toBeVisible();
});
