import type { School } from '@tandem/shared/people';
import type { ApiError } from '../../platform/api';

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

export const hasProblems = (problems: SchoolProblems) => Object.keys(problems).length > 0;

/** Moves focus to the first field marked invalid inside `form`, once it has rendered. */
export function focusFirstProblem(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
