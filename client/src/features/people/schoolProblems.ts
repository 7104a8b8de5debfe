import type { School } from '@tandem/shared/peopleBodies';
import { ApiError } from '../../platform/api';

/** The fields of a school form that can be wrong. */
export type SchoolField = 'name' | 'city' | 'country' | 'timeZone' | 'language' | 'hoursEnd';
/** Each wrong field with the key of its message in the `people` namespace. */
export type SchoolProblems = Partial<Record<SchoolField, string>>;

/** The message for each field, in the `people` namespace. */
const MESSAGE: Record<SchoolField, string> = {
  name: 'fieldError.required',
  city: 'fieldError.required',
  country: 'fieldError.required',
  timeZone: 'fieldError.timeZone',
  language: 'fieldError.language',
  hoursEnd: 'fieldError.hours',
};

/** What is missing or wrong before anything is sent (the server checks the same again). */
export function schoolProblems(school: School): SchoolProblems {
  const wrong: SchoolField[] = (['name', 'city', 'country'] as const).filter(
    (field) => !school[field].trim(),
  );
  if (!school.timeZone) wrong.push('timeZone');
  if (!school.language) wrong.push('language');
  if (school.schoolHours.end <= school.schoolHours.start) wrong.push('hoursEnd');
  return Object.fromEntries(wrong.map((field) => [field, MESSAGE[field]]));
}

/** A server path's first part (`schoolHours.end` → `schoolHours`) as a form field. */
const FROM_SERVER: Record<string, SchoolField> = {
  name: 'name',
  city: 'city',
  country: 'country',
  timeZone: 'timeZone',
  language: 'language',
  schoolHours: 'hoursEnd',
};

/** The fields a refused request names (`fields` such as `sideA.timeZone`) under `prefix`. */
export function problemsFromServer(error: ApiError, prefix: string): SchoolProblems {
  const problems: SchoolProblems = {};
  for (const path of error.details.fields ?? []) {
    const parts = path.split('.');
    if (prefix && parts.shift() !== prefix) continue;
    const field = FROM_SERVER[parts[0] ?? ''];
    if (field) problems[field] = MESSAGE[field];
  }
  return problems;
}

/**
 * Sends school forms only when nothing is wrong in them. `schools` maps each form's key to its
 * school and the path the server names its fields under (`sideA`, or '' for a bare school);
 * what is wrong, found here or named by the server, is shown through `show` and the first
 * wrong field takes focus. Rethrows, so the form's own error message says why.
 */
export async function sendSchools<K extends string>(
  schools: Record<K, { school: School; path: string }>,
  show: (problems: Record<K, SchoolProblems>) => void,
  form: HTMLFormElement | null,
  send: () => Promise<void>,
): Promise<void> {
  const keys = Object.keys(schools) as K[];
  const each = (problemsOf: (entry: { school: School; path: string }) => SchoolProblems) =>
    Object.fromEntries(keys.map((key) => [key, problemsOf(schools[key])])) as Record<
      K,
      SchoolProblems
    >;
  const found = each(({ school }) => schoolProblems(school));
  show(found);
  try {
    if (keys.some((key) => Object.keys(found[key]).length > 0)) {
      throw new ApiError('BAD_REQUEST', 'Some fields are missing or wrong.');
    }
    await send();
  } catch (error) {
    if (error instanceof ApiError && error.details.fields) {
      show(each(({ path }) => problemsFromServer(error, path)));
    }
    // Once the marks have rendered.
    requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    throw error;
  }
}
