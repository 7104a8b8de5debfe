import type { VersionInfo, VersionKind } from './VersionStore';

/** A versions row as both stores read it (the state's size computed by the database). */
export interface VersionRow {
  id: string;
  kind: VersionKind;
  name: string | null;
  created_by: string | null;
  created_at: number;
  state_hash: string;
  bytes: number;
}

export const VERSION_COLUMNS =
  'id, kind, name, created_by, created_at, state_hash, length(state) AS bytes';

export function infoOf(row: VersionRow): VersionInfo {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    stateHash: row.state_hash,
    bytes: row.bytes,
  };
}
