import { getClauseText, languagesOf, listClauses } from '../doc/agreement';
import { plainText } from '../doc/fingerprint';
import { itemFreeText, readItems } from '../doc/itinerary';
import { SIDES } from '../people';
import { itemParams, prompt, type Rule } from './prompt';

/**
 * R-sensitive (P23): free text that looks like it holds sensitive personal data. Drafts,
 * calendars and PDFs are shared widely, so health, diet, home addresses, passports and vetting
 * results stay out; this only warns, it never blocks or stores anything.
 */
export const SENSITIVE_KINDS = ['health', 'diet', 'address', 'identity', 'vetting'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

const PATTERNS: Record<SensitiveKind, RegExp[]> = {
  health: [
    /\b(medical|medication|medicine|diagnos\w*|asthma|diabet\w*|epilep\w*|inhaler|epipen|disabilit\w*|illness|condition)\b/iu,
    /\b(médic\w*|maladie|enfermedad|medicamento|traitement|tratamiento)\b/iu,
    /(过敏|哮喘|糖尿病|药物|病史|疾病|残疾|用药)/u,
    /(حساسية|ربو|سكري|دواء|أدوية|مرض)/u,
  ],
  diet: [
    /\b(allerg\w*|gluten|lactose|nut[- ]free|peanut|halal|kosher|vegan|vegetarian|intoleran\w*)\b/iu,
    /\b(alergi\w*|allergi\w*|végétarien|vegetariano|sin gluten|sans gluten)\b/iu,
    /(素食|清真|乳糖|花生|麸质|忌口)/u,
    /(حلال|نباتي|غلوتين|فول سوداني)/u,
  ],
  address: [
    /\b\d{1,5}\s+\w+(\s\w+)?\s+(street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct)\b\.?/iu,
    /\b(home address|lives at|calle|rue|avenida)\b/iu,
    /(住址|家庭地址|号楼|单元|室\d|路\d+号|街\d+号)/u,
    /(العنوان|عنوان المنزل|شارع)/u,
  ],
  identity: [
    /\b(passport|pasaporte|passeport|visa number|social security|ssn)\b/iu,
    /\b[A-Z]{1,2}\d{7,8}\b/u,
    /(护照|身份证|签证号)/u,
    /(جواز سفر|رقم الهوية)/u,
  ],
  vetting: [
    /\b(background check|criminal record|dbs check|vetting|casier judiciaire|antecedentes penales)\b/iu,
    /(背景调查|无犯罪记录|犯罪记录)/u,
    /(سجل جنائي|فحص أمني)/u,
  ],
};

/** The kinds of sensitive data a text seems to hold (empty when it looks fine). */
export function sensitiveKinds(text: string): SensitiveKind[] {
  return SENSITIVE_KINDS.filter((kind) => PATTERNS[kind].some((pattern) => pattern.test(text)));
}

/** R-sensitive as a prompt: clause texts and itinerary items that look like they hold such data. */
export const sensitiveRule: Rule = ({ agreement, legs }) => {
  const prompts = [];
  if (agreement) {
    for (const clause of listClauses(agreement)) {
      const text = languagesOf(agreement)
        .map((lang) => plainText(getClauseText(agreement, clause.id, lang)))
        .join('\n');
      const kinds = sensitiveKinds(text);
      if (kinds.length > 0) {
        prompts.push(
          prompt(
            'R-sensitive',
            { kind: 'clause', clauseId: clause.id },
            { kinds: kinds.join(',') },
          ),
        );
      }
    }
  }
  for (const leg of SIDES) {
    const doc = legs[leg];
    if (!doc) continue;
    for (const item of readItems(doc)) {
      const kinds = sensitiveKinds(itemFreeText(item));
      if (kinds.length > 0) {
        prompts.push(
          prompt(
            'R-sensitive',
            { kind: 'item', leg, itemId: item.id },
            { ...itemParams(item), kinds: kinds.join(',') },
          ),
        );
      }
    }
  }
  return prompts;
};
