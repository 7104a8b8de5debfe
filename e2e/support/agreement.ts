import { type BrowserContext, expect, type Page } from '@playwright/test';

/**
 * Through the UI, as the coordinators would: a one-clause agreement written in both languages,
 * aligned and approved by both schools. `a` browses in English, `b` in Chinese.
 */
export async function agreeOnOneClause(a: Page, b: Page): Promise<void> {
  const rows = a.locator('li.clause');
  await expect(rows).toHaveCount(12);
  for (let left = 11; left > 0; left--) {
    await rows
      .nth(1)
      .getByRole('button', { name: /^Actions for clause/ })
      .click();
    await a.getByRole('menuitem', { name: 'Remove' }).click();
    await expect(rows).toHaveCount(left);
  }
  await a.getByRole('textbox', { name: 'Purpose of the partnership, English version' }).click();
  await a.keyboard.type('Our two schools learn together.');
  await b.getByRole('textbox', { name: '合作目的，简体中文版本' }).click();
  await b.keyboard.type('我们两所学校一起学习。');
  await a.getByRole('button', { name: 'Mark aligned' }).click();
  await a.getByRole('button', { name: 'Approve for Lincoln High School' }).click();
  await b.getByRole('button', { name: '代表杭州第二中学批准' }).click();
}

/** Both coordinators sign through the API (the signing story signs through the UI). */
export async function signAsCoordinators(
  a: BrowserContext,
  b: BrowserContext,
  id: string,
): Promise<void> {
  const state = await a.request.get(`/api/partnerships/${id}/signing`);
  const { hash } = (await state.json()) as { hash: string };
  for (const [context, name] of [
    [a, 'Ana Alvarez'],
    [b, '王波'],
  ] as const) {
    const signed = await context.request.post(`/api/partnerships/${id}/signing/signatures`, {
      data: { name, title: 'Coordinator', typed: name, consent: true, hash, language: 'en' },
    });
    if (signed.status() !== 201 && signed.status() !== 200) {
      throw new Error(`signing failed: ${signed.status()} ${await signed.text()}`);
    }
  }
}

/**
 * What a script in the page can do whatever the controls show: change the editor's document
 * through Tiptap's commands, so the page's own provider sends the edit.
 */
export async function forceEdit(page: Page, label: string | RegExp, text: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).evaluate((element, inserted) => {
    type Editor = { commands: { setContent(html: string): boolean } };
    const editor = (element as unknown as { editor?: Editor }).editor;
    if (!editor) throw new Error('no Tiptap editor on this element');
    editor.commands.setContent(`<p>${inserted}</p>`);
  }, text);
}
