import Bowser from 'bowser';

/**
 * What a person recognises a signed-in device by: "Firefox on Windows" (bowser reads the
 * User-Agent). Nothing else of the header is kept.
 */
export function deviceOf(userAgent: string | undefined): string {
  if (!userAgent) return '';
  const { browser, os } = Bowser.parse(userAgent.slice(0, 500));
  const name = browser.name ?? '';
  const system = os.name ?? '';
  return (name && system ? `${name} · ${system}` : name || system).slice(0, 100);
}
