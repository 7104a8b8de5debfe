import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { formatRoomName } from '@tandem/shared/doc/documents';
import type { Dismissal } from '@tandem/shared/doc/status';
import type { Side } from '@tandem/shared/people';
import { promptsWithDismissals } from '@tandem/shared/reciprocity/index';
import type { Prompt } from '@tandem/shared/reciprocity/prompt';
import { api } from '../../platform/api';
import { useRoom } from '../../collab/useRoom';
import { useTurn } from '../../ui/useTurn';

/** Documents the page already has open; the others are opened here. */
export interface OpenDocs {
  agreement?: Y.Doc;
  status?: Y.Doc;
  A?: Y.Doc;
  B?: Y.Doc;
}

export interface PromptState extends Prompt {
  dismissed?: Dismissal;
}

const AUTHORSHIP_EVERY_MS = 30_000;
const RECOMPUTE_EVERY_MS = 250;

/**
 * The reciprocity prompts, live: the same rules the server runs, over the documents as they
 * change here; authorship comes from the server's attribution, refreshed every half minute.
 */
export function usePrompts(partnership: PartnershipView, open: OpenDocs) {
  // The documents the page does not show open once its own are on screen (after the editors
  // waiting for a turn): they would compete with them for the network and the processor.
  const mayOpenOthers = useTurn(false);
  const room = (document: 'agreement' | 'status' | 'itinerary.A' | 'itinerary.B', has: unknown) =>
    has || !mayOpenOthers ? null : formatRoomName({ partnershipId: partnership.id, document });
  const agreementRoom = useRoom(room('agreement', open.agreement));
  const statusRoom = useRoom(room('status', open.status));
  const legA = useRoom(room('itinerary.A', open.A));
  const legB = useRoom(room('itinerary.B', open.B));
  const docs = {
    agreement: open.agreement ?? agreementRoom?.doc ?? null,
    status: open.status ?? statusRoom?.doc ?? null,
    A: open.A ?? legA?.doc ?? null,
    B: open.B ?? legB?.doc ?? null,
  };
  const [authorship, setAuthorship] = useState<Record<Side, number> | null>(null);
  useEffect(() => {
    const load = () =>
      api<Record<Side, number>>('GET', `/api/partnerships/${partnership.id}/authorship`).then(
        setAuthorship,
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), AUTHORSHIP_EVERY_MS);
    return () => clearInterval(timer);
  }, [partnership.id]);

  // The meeting rule looks twelve months ahead from when the page opened.
  const [now] = useState(() => Date.now());
  const compute = useCallback(
    (): PromptState[] =>
      promptsWithDismissals({
        agreement: docs.agreement,
        status: docs.status,
        legs: { A: docs.A, B: docs.B },
        sides: partnership.sides,
        members: partnership.members,
        authorship,
        now,
      }),
    [authorship, partnership, now, docs.agreement, docs.status, docs.A, docs.B],
  );
  const [prompts, setPrompts] = useState<PromptState[]>(compute);
  // Any change to any of the documents may fire or silence a rule. The rules read every clause,
  // so they run at most a few times a second, not on every keystroke, and the page re-renders
  // only when the prompts read differently (typing in a clause mostly changes none).
  useEffect(() => {
    let shown = '';
    const refresh = () => {
      const next = compute();
      const key = JSON.stringify(next);
      if (key === shown) return;
      shown = key;
      setPrompts(next);
    };
    refresh();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const bump = () => {
      timer ??= setTimeout(() => {
        timer = null;
        refresh();
      }, RECOMPUTE_EVERY_MS);
    };
    const all = [docs.agreement, docs.status, docs.A, docs.B].filter((d): d is Y.Doc => d !== null);
    for (const doc of all) doc.on('update', bump);
    return () => {
      if (timer) clearTimeout(timer);
      for (const doc of all) doc.off('update', bump);
    };
  }, [compute, docs.agreement, docs.status, docs.A, docs.B]);
  return prompts;
}
