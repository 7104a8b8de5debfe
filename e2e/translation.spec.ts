import { expect, type Page, test } from '@playwright/test';
import { startApertium, type Apertium } from '../server/test/apertium';
import { partnershipOf, personContext } from './support/people';
import { TestServer } from './support/server';

/**
 * Story (P10, translation as a helper): a US–Spain partnership with a real Apertium APy. The
 * Spanish coordinator reads the English clause in Spanish, drafts the Spanish version from it,
 * sees "needs review" and cannot align it until she edits it; then aligning works and signing
 * proceeds.
 */

const MADRID = {
  name: 'IES Miguel de Cervantes',
  city: 'Madrid',
  country: 'ES',
  timeZone: 'Europe/Madrid',
  language: 'es',
};

let apertium: Apertium;
let server: TestServer;

test.beforeAll(async () => {
  apertium = await startApertium();
  server = await TestServer.start({ TRANSLATE_URL: apertium.url, TRANSLATE_API: 'apertium' });
});

test.afterAll(async () => {
  await server.stop();
  await apertium.stop();
});

/** Removes every clause but the first, through each clause's menu. */
async function keepOnlyFirstClause(page: Page): Promise<void> {
  const rows = page.locator('li.clause');
  await expect(rows).toHaveCount(12);
  for (let left = 11; left > 0; left--) {
    await rows
      .nth(1)
      .getByRole('button', { name: /^Actions for clause 2$/ })
      .click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    await expect(rows).toHaveCount(left);
  }
}

test('the Spanish coordinator reads, drafts from and reviews a machine translation before signing', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const contextA = await personContext(browser, server.url, 'Ana Alvarez', 'en-US', 'en');
  const contextB = await personContext(browser, server.url, 'Lucía Gómez', 'es-ES', 'es');
  const id = await partnershipOf(contextA, contextB, MADRID);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await a.goto(`/p/${id}/agreement`);
  await b.goto(`/p/${id}/agreement`);
  await keepOnlyFirstClause(a);

  const english = a.getByRole('textbox', { name: 'Purpose of the partnership, English version' });
  await english.click();
  await a.keyboard.type('Both schools learn together.');

  // Reading help: the English version in Spanish, marked as machine translation, not editable.
  const purposeB = b.locator('li.clause').first();
  const englishColumnB = purposeB.locator('section.column[lang="en"]');
  await expect(englishColumnB.locator('.ProseMirror')).toContainText(
    'Both schools learn together.',
  );
  await englishColumnB.getByRole('button', { name: 'Mostrar en mi idioma' }).click();
  const reading = englishColumnB.getByRole('note');
  await expect(reading).toContainText('Traducción automática (apertium)');
  await expect(reading.locator('p')).toContainText(/escuelas/i);
  await expect(reading.locator('[contenteditable]')).toHaveCount(0);
  await englishColumnB.getByRole('button', { name: 'Ocultar la traducción automática' }).click();
  await expect(englishColumnB.getByRole('note')).toHaveCount(0);

  // Drafting help: the Spanish version from the English one, highlighted as machine text.
  const spanishColumnB = purposeB.locator('section.column[lang="es"]');
  await spanishColumnB
    .getByRole('button', { name: 'Redactar a partir de la versión del socio' })
    .click();
  const spanish = b.getByRole('textbox', { name: /versión en español/ });
  await expect(spanish.locator('[data-machine-translation]')).toContainText(/escuelas/i);
  await expect(purposeB.locator('.drift [role="status"]')).toHaveText(
    'Versión en español: traducción automática, necesita revisión',
  );
  // Both schools see it, each in its language; nobody is offered "mark aligned".
  const purposeA = a.locator('li.clause').first();
  await expect(purposeA.locator('.drift [role="status"]')).toHaveText(
    'Spanish version: machine translated, needs review',
  );
  await expect(purposeA.getByRole('button', { name: 'Mark aligned' })).toHaveCount(0);
  await expect(purposeB.getByRole('button', { name: 'Marcar como alineada' })).toHaveCount(0);
  // Nor can a crafted request align it.
  const clauses = await b.request.get(`/api/partnerships/${id}/agreement/clauses`);
  const [first] = (await clauses.json()) as { id: string; status: string }[];
  expect(first?.status).toBe('machine');
  const forced = await b.request.post(
    `/api/partnerships/${id}/agreement/clauses/${first?.id}/align`,
    { data: {} },
  );
  expect(forced.status()).toBe(409);
  expect(((await forced.json()) as { error: { code: string } }).error.code).toBe(
    'CLAUSE_MACHINE_TEXT',
  );

  // Her own edit takes the mark off the part she edited; then the clause can be aligned.
  await spanish.click();
  await b.keyboard.press('End');
  await b.keyboard.type(' Y comparten su cultura.');
  await expect(spanish.locator('[data-machine-translation]')).toHaveCount(0);
  await expect(purposeB.locator('.drift [role="status"]')).toHaveText('Nunca alineada');
  await purposeB.getByRole('button', { name: 'Marcar como alineada' }).click();
  await expect(purposeA.locator('.drift [role="status"]')).toHaveText('Aligned');

  // Approved by both schools, signing starts.
  await purposeA.getByRole('button', { name: 'Approve for Lincoln High School' }).click();
  await purposeB.getByRole('button', { name: `Aprobar en nombre de ${MADRID.name}` }).click();
  await a.getByRole('button', { name: 'Start signing' }).click();
  await a.getByRole('button', { name: 'Freeze and start signing' }).click();
  await expect(
    b.getByRole('heading', { name: 'Acuerdo de colaboración (en firma)' }),
  ).toBeVisible();
});
