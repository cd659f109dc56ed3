import { createHash } from 'node:crypto';

export type Role = 'reader' | 'partner' | 'admin';

/** Who is calling: the key's name (its idempotency scope and its orders' owner) and its role. */
export interface Caller {
  name: string;
  role: Role;
}

/** The fixed keys of sandbox mode (DESIGN.md); live mode refuses them. */
export const SANDBOX_KEYS: Record<string, Caller> = {
  sg_test_reader: { name: 'sandbox-reader', role: 'reader' },
  sg_test_partner: { name: 'sandbox-partner', role: 'partner' },
  sg_test_admin: { name: 'sandbox-admin', role: 'admin' },
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The gateway's callers, known by the SHA-256 of their key: the configuration holds hashes, never
 * keys, so a leaked configuration does not leak a key.
 */
export class ApiKeys {
  readonly #byHash: Map<string, Caller>;

  constructor(entries: { name: string; role: Role; sha256: string }[]) {
    this.#byHash = new Map(entries.map((e) => [e.sha256.toLowerCase(), { name: e.name, role: e.role }]));
  }

  static sandbox(): ApiKeys {
    return new ApiKeys(Object.entries(SANDBOX_KEYS).map(([key, caller]) => ({ ...caller, sha256: sha256(key) })));
  }

  /** The caller a presented key belongs to, or null. */
  identify(key: string): Caller | null {
    return this.#byHash.get(sha256(key)) ?? null;
  }

  /** The caller of an `Authorization: Bearer <key>` value (a header, or a socket's connection_init), or null. */
  callerOfAuthorization(value: unknown): Caller | null {
    return typeof value === 'string' && value.startsWith('Bearer ') ? this.identify(value.slice('Bearer '.length).trim()) : null;
  }
}

/** Parses `name:role:sha256hex` entries separated by commas (SUPPLYGRAPH_API_KEYS). */
export function parseApiKeyList(text: string): { name: string; role: Role; sha256: string }[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, role, hash] = entry.split(':');
      if (!name || !/^(reader|partner|admin)$/.test(role ?? '') || !/^[0-9a-f]{64}$/i.test(hash ?? '')) {
        throw new Error('each entry must be name:role:sha256hex with role reader, partner or admin');
      }
      return { name, role: role as Role, sha256: hash! };
    });
}
