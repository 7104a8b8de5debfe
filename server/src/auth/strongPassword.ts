import { AppError, ErrorCode } from '@tandem/shared/errors';
import { MIN_PASSWORD_LENGTH, type PasswordProblem } from '@tandem/shared/people';
import { WorkerPool } from '../offload/WorkerPool';

/** The longest password hashed: scrypt's cost grows with it, and no one types more. */
const MAX_PASSWORD_LENGTH = 256;

/**
 * The thread that runs zxcvbn (passwordStrength.ts). It starts on the first password checked
 * (under a second) and stays for hours, so sign-ups do not each wait for its dictionaries.
 */
const strengthThreads = new WorkerPool(new URL('./passwordStrength.ts', import.meta.url), {
  size: 1,
  maxWaiting: 64,
  limits: { timeoutMs: 10_000, maxMemoryMb: 256 },
  idleMs: 6 * 60 * 60_000,
});

/**
 * Why a password is refused, or null when it will do. Words of the person's own (name, email)
 * count as guessable; the reason names the weakest part, so the person can fix it.
 */
export async function passwordProblem(
  password: string,
  personal: readonly string[],
): Promise<PasswordProblem | null> {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const inputs = personal.flatMap((text) => [text, ...text.split(/[@.\s_+-]+/)]).filter(Boolean);
  // A password built around one's own name or address is the first thing a guesser tries,
  // however long the rest is.
  const lower = password.toLowerCase();
  if (inputs.some((word) => word.length > 3 && lower.includes(word.toLowerCase()))) {
    return 'personal';
  }
  return strengthThreads.run<PasswordProblem | null>('guessability', { password, inputs });
}

/** Refuses (WEAK_PASSWORD, with the reason) a password a guesser would find. */
export async function requireStrongPassword(
  password: string,
  personal: readonly string[],
): Promise<void> {
  const problem = await passwordProblem(password, personal);
  if (problem) {
    throw new AppError(ErrorCode.WEAK_PASSWORD, `The password is too weak (${problem}).`, {
      reason: problem,
    });
  }
}
