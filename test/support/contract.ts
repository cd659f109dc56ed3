import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { OpenAPIBackend } from 'openapi-backend';
import { parse } from 'yaml';

/** An HTTP answer as a test saw it, over a real socket. */
export interface SeenResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

type Spec = {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
};

const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

/**
 * A supplier's OpenAPI spec as a validator: sandbox answers are checked against it by
 * openapi-backend (with JSON Schema 2020-12, as OpenAPI 3.1 uses), and it remembers which
 * operations and statuses were exercised so a test can demand that all of them were.
 */
export class Contract {
  readonly seen = new Map<string, Set<string>>();

  private constructor(
    readonly supplier: string,
    private readonly spec: Spec,
    private readonly api: OpenAPIBackend,
  ) {}

  static async load(supplier: string): Promise<Contract> {
    const path = fileURLToPath(new URL(`../../openapi/${supplier}.yaml`, import.meta.url));
    const spec = parse(await readFile(path, 'utf8')) as Spec;
    const api = new OpenAPIBackend({
      definition: structuredClone(spec) as never,
      strict: true,
      quick: false,
      validate: true,
      customizeAjv: (_original, options) => {
        const ajv = new Ajv2020.default({ ...options, strict: false, allErrors: true });
        addFormats.default(ajv);
        for (const format of OPENAPI_FORMATS) ajv.addFormat(format, true);
        return ajv as never;
      },
    });
    // openapi-backend checks a definition against the OpenAPI 3.0 meta-schema only, which refuses
    // valid 3.1 (type arrays, $ref siblings); the specs are linted as 3.1 by Redocly instead.
    api.validateDefinition = () => api.document;
    await api.init();
    return new Contract(supplier, spec, api);
  }

  /** operationIds the spec documents */
  operations(): string[] {
    return Object.values(this.spec.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op && typeof op === 'object' && op.operationId ? [op.operationId] : [])),
    );
  }

  private documentedStatuses(operationId: string): string[] {
    for (const item of Object.values(this.spec.paths)) {
      for (const op of Object.values(item)) {
        if (op && typeof op === 'object' && op.operationId === operationId) return Object.keys(op.responses ?? {});
      }
    }
    throw new Error(`${this.supplier}: the spec has no operation ${operationId}`);
  }

  /**
   * Throws, naming every violation, unless the answer's status is documented for the operation
   * and its body and headers match the spec.
   */
  check(operationId: string, response: SeenResponse): void {
    const status = String(response.status);
    const documented = this.documentedStatuses(operationId);
    const matches = documented.includes(status) || documented.includes(`${status[0]}XX`) || documented.includes('default');
    if (!matches) {
      throw new Error(`${this.supplier} ${operationId}: status ${status} is not documented (documented: ${documented.join(', ')})`);
    }
    const problems: string[] = [];
    const body = this.api.validateResponse(response.body, operationId, response.status);
    for (const e of body.errors ?? []) problems.push(`body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    const headers = Object.fromEntries(response.headers.entries());
    // "any": headers that are present must match their schema; presence is checked below, since
    // openapi-backend would otherwise demand every declared header, even `required: false` ones.
    const headerResult = this.api.validateResponseHeaders(headers, operationId, {
      statusCode: response.status,
      setMatchType: 'any' as never,
    });
    for (const e of headerResult.errors ?? []) problems.push(`headers${e.instancePath} ${e.message}`);
    for (const name of this.requiredHeaders(operationId, status)) {
      if (!(name in headers)) problems.push(`header ${name} is required but absent`);
    }
    if (problems.length > 0) {
      throw new Error(`${this.supplier} ${operationId} ${status} breaks its spec:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(response.body).slice(0, 600)}`);
    }
    const statuses = this.seen.get(operationId) ?? new Set<string>();
    statuses.add(status);
    this.seen.set(operationId, statuses);
  }

  /** Lower-cased names of the headers the spec marks `required: true` for this answer. */
  private requiredHeaders(operationId: string, status: string): string[] {
    const document = this.api.document as unknown as {
      paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, { headers?: Record<string, { required?: boolean }> }> }>>;
    };
    for (const item of Object.values(document.paths)) {
      for (const op of Object.values(item)) {
        if (!op || typeof op !== 'object' || op.operationId !== operationId) continue;
        const response = op.responses?.[status] ?? op.responses?.[`${status[0]}XX`] ?? op.responses?.default;
        return Object.entries(response?.headers ?? {})
          .filter(([, header]) => header.required === true)
          .map(([name]) => name.toLowerCase());
      }
    }
    return [];
  }

  /**
   * Documented operations not yet covered: never seen by check(), or, where the spec documents a
   * 2xx answer, seen answering only errors. Each entry names the operation and, for the second
   * kind, the statuses it did answer.
   */
  unexercised(): string[] {
    return this.operations().flatMap((op) => {
      const statuses = [...(this.seen.get(op) ?? [])];
      if (statuses.length === 0) return [op];
      const successDocumented = this.documentedStatuses(op).some((status) => status.startsWith('2'));
      const succeeded = statuses.some((status) => status.startsWith('2'));
      return successDocumented && !succeeded ? [`${op} (no 2xx answer; saw ${statuses.sort().join(', ')})`] : [];
    });
  }
}

/** Calls a sandbox like a client would and returns the parsed answer. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: unknown; rawBody?: string; query?: Record<string, string | number | boolean> } = {},
): Promise<SeenResponse & { text: string }> {
  const url = new URL(`${baseUrl}${path}`);
  for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, String(value));
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(url, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body,
  });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
