/** What a confirmation asks (ConfirmDialog.tsx). */
export interface ConfirmRequest {
  /** The question, in the person's language. */
  message: string;
  /** The confirming button's words ("Remove", "Restore"). */
  confirm: string;
  isDanger?: boolean;
}

/** A confirmation on screen, and how its answer is given back. */
export type Pending = ConfirmRequest & { resolve: (isConfirmed: boolean) => void };
