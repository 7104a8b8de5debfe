import { type Locator, type Page, expect } from '@playwright/test';

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would: fails when it
 * is not reached within `max` presses, so anything the mouse alone can reach fails the story.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { max = 120, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i <= max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reached with ${max} presses of Tab: ${target.toString()}`);
}

/** Tabs to a control and presses Enter on it. */
export async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Tabs to a picker, types words of a choice, and takes the first option with the keyboard. */
export async function pick(page: Page, box: Locator, words: string): Promise<void> {
  await typeInto(page, box, words);
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}
