import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSandboxApp, SandboxHttpError, type SandboxHandle } from '../../src/sandbox/kit/index.ts';

/** A toy supplier on the kit: one read, one write, its own error shape. */
async function startToySupplier(options: { rateLimit?: number; latencyMs?: number; seed?: number } = {}) {
  const placed: string[] = [];
  const app = createSandboxApp({
    supplier: 'toy',
    basePath: '/api',
    errorBody: (status, message) => ({ ok: false, status, message }),
    rateLimits: options.rateLimit ? { default: [{ limit: options.rateLimit, windowMs: 60_000 }] } : {},
    latencyMs: options.latencyMs,
    seed: options.seed,
  });
  app.route({ method: 'GET', path: '/things', operationId: 'listThings', handler: () => ({ things: placed }) });
  app.route({
    method: 'POST',
    path: '/things',
    operationId: 'createThing',
    write: true,
    handler: (request, reply) => {
      const name = (request.body as { name?: string } | undefined)?.name;
      if (!name) throw new SandboxHttpError(400, { ok: false, message: 'name is required' });
      placed.push(name);
      void reply.code(201);
      return { created: name };
    },
  });
  return { handle: await app.listen(), placed };
}

const post = (handle: SandboxHandle, name: string) =>
  fetch(`${handle.baseUrl}/things`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });

describe('sandbox kit', () => {
  let toy: Awaited<ReturnType<typeof startToySupplier>>;
  beforeAll(async () => {
    toy = await startToySupplier();
  });
  afterAll(() => toy.handle.close());
  beforeEach(() => {
    toy.handle.faults.clear();
    toy.handle.stats.reset();
  });

  it('counts requests per operationId and per answered status', async () => {
    await fetch(`${toy.handle.baseUrl}/things`);
    await post(toy.handle, 'a');
    await post(toy.handle, '');
    expect(toy.handle.stats.count('listThings')).toBe(1);
    expect(toy.handle.stats.count('createThing')).toBe(2);
    expect(toy.handle.stats.snapshot().byOperationStatus.createThing).toEqual({ 201: 1, 400: 1 });
  });

  it('answers unknown paths with 404 in the supplier error shape, uncounted', async () => {
    const response = await fetch(`${toy.handle.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, status: 404 });
    expect(toy.handle.stats.count()).toBe(0);
  });

  it('applies the write and then drops the connection under resetAfterWrite', async () => {
    toy.handle.faults.set([{ kind: 'resetAfterWrite', operations: ['createThing'], times: 1 }]);
    await expect(post(toy.handle, 'lost-answer')).rejects.toThrow();
    expect(toy.placed).toContain('lost-answer');
    const retry = await post(toy.handle, 'next');
    expect(retry.status).toBe(201);
  });

  it('applies the write and never answers under hangAfterWrite', async () => {
    toy.handle.faults.set([{ kind: 'hangAfterWrite', times: 1 }]);
    await expect(
      fetch(`${toy.handle.baseUrl}/things`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'applied-unanswered' }),
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(toy.placed).toContain('applied-unanswered');
  });

  it('applies the write at once and answers it late under latencyAfterWrite', async () => {
    toy.handle.faults.set([{ kind: 'latencyAfterWrite', ms: 400, operations: ['createThing'], times: 1 }]);
    let answered = false;
    const answer = post(toy.handle, 'slow-answer').then((response) => {
      answered = true;
      return response;
    });
    await vi.waitFor(() => expect(toy.placed).toContain('slow-answer'), { timeout: 300, interval: 10 });
    expect(answered).toBe(false);
    expect((await answer).status).toBe(201);
    expect((await post(toy.handle, 'prompt-answer')).status).toBe(201);
  });

  it('injects an error status a limited number of times, only for the named operation', async () => {
    toy.handle.faults.set([{ kind: 'error', status: 503, operations: ['listThings'], times: 2 }]);
    expect((await post(toy.handle, 'unaffected')).status).toBe(201);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${toy.handle.baseUrl}/things`)).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('answers 429 with Retry-After under an injected rate limit', async () => {
    toy.handle.faults.set([{ kind: 'rateLimit', retryAfterSeconds: 7, times: 1 }]);
    const response = await fetch(`${toy.handle.baseUrl}/things`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('sends half a JSON document under malformedJson', async () => {
    toy.handle.faults.set([{ kind: 'malformedJson', times: 1 }]);
    const text = await (await fetch(`${toy.handle.baseUrl}/things`)).text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('never answers under hang, so the caller times out', async () => {
    toy.handle.faults.set([{ kind: 'hang', times: 1 }]);
    await expect(fetch(`${toy.handle.baseUrl}/things`, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
  });

  it('delays answers by the injected latency', async () => {
    toy.handle.faults.set([{ kind: 'latency', ms: 120, times: 1 }]);
    const started = performance.now();
    await fetch(`${toy.handle.baseUrl}/things`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('is steerable over HTTP through /__sandbox/faults and /__sandbox/stats', async () => {
    await fetch(`${toy.handle.url}/__sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ kind: 'error', status: 502, times: 1 }]),
    });
    expect((await fetch(`${toy.handle.baseUrl}/things`)).status).toBe(502);
    const stats = (await (await fetch(`${toy.handle.url}/__sandbox/stats`)).json()) as { byOperation: Record<string, number> };
    expect(stats.byOperation.listThings).toBe(1);
  });

  it('refuses a fault rule it cannot read with 400 naming the field, and keeps the rules it had', async () => {
    toy.handle.faults.set([{ kind: 'latency', ms: 5 }]);
    const put = (rules: unknown) =>
      fetch(`${toy.handle.url}/__sandbox/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rules) });
    for (const [rules, field] of [
      [[{ kind: 'latency' }], 'ms'],
      [[{ kind: 'error', status: 503, rate: 2 }], 'rate'],
      [[{ kind: 'explode' }], 'kind'],
      [[{ kind: 'hang', operation: ['createThing'] }], 'operation'],
    ] as const) {
      const answer = await put(rules);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { message: string }).message).toContain(field);
    }
    expect(toy.handle.faults.list()).toEqual([{ kind: 'latency', ms: 5 }]);
  });
});

describe('sandbox kit rate limits', () => {
  it('enforces the documented limit with X-RateLimit headers and a 429 with Retry-After', async () => {
    const toy = await startToySupplier({ rateLimit: 3 });
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await fetch(`${toy.handle.baseUrl}/things`));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0]!.headers.get('x-ratelimit-limit')).toBe('3');
      expect(answers[2]!.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
      toy.handle.resetRateLimits();
      expect((await fetch(`${toy.handle.baseUrl}/things`)).status).toBe(200);
    } finally {
      await toy.handle.close();
    }
  });
});

describe('sandbox kit concurrency cap', () => {
  it('answers 429 beyond the documented number of simultaneous requests, counting latency', async () => {
    const app = createSandboxApp({
      supplier: 'toy',
      basePath: '',
      errorBody: (status, message, details) => ({ status, message, retryAfter: details?.retryAfterSeconds }),
      maxConcurrent: 2,
      latencyMs: 100,
    });
    app.route({ method: 'GET', path: '/slow', operationId: 'slow', handler: () => ({ ok: true }) });
    const handle = await app.listen();
    try {
      const answers = await Promise.all([1, 2, 3].map(() => fetch(`${handle.baseUrl}/slow`)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([200, 200, 429]);
      const refused = answers.find((a) => a.status === 429)!;
      expect(await refused.json()).toMatchObject({ status: 429, retryAfter: 1 });
    } finally {
      await handle.close();
    }
  });
});

describe('sandbox kit error rate', () => {
  /** Indexes of the requests, out of `count` sequential reads, that the injected rule failed. */
  async function failedUnder(handle: SandboxHandle, count: number): Promise<number[]> {
    handle.faults.set([{ kind: 'error', status: 503, rate: 0.3 }]);
    const failed: number[] = [];
    for (let i = 0; i < count; i++) {
      if ((await fetch(`${handle.baseUrl}/things`)).status === 503) failed.push(i);
    }
    return failed;
  }

  it('fails the same requests on every run with a fixed seed, at roughly the rate asked', async () => {
    const [first, second, other] = await Promise.all([startToySupplier({ seed: 42 }), startToySupplier({ seed: 42 }), startToySupplier({ seed: 43 })]);
    try {
      const failed = await failedUnder(first.handle, 200);
      expect(await failedUnder(second.handle, 200)).toEqual(failed);
      // set() restarts the stream, so a second run on the same sandbox fails the same requests too.
      expect(await failedUnder(first.handle, 200)).toEqual(failed);
      expect(failed.length).toBeGreaterThanOrEqual(40);
      expect(failed.length).toBeLessThanOrEqual(80);
      expect(await failedUnder(other.handle, 200)).not.toEqual(failed);
    } finally {
      await Promise.all([first.handle.close(), second.handle.close(), other.handle.close()]);
    }
  });
});

describe('sandbox kit answers from behind the limiter', () => {
  it('counts injected faults and malformed bodies against the window and sends its X-RateLimit headers', async () => {
    const toy = await startToySupplier({ rateLimit: 5 });
    try {
      toy.handle.faults.set([{ kind: 'error', status: 503, times: 1 }]);
      const failed = await fetch(`${toy.handle.baseUrl}/things`);
      expect(failed.status).toBe(503);
      expect(failed.headers.get('x-ratelimit-remaining')).toBe('4');
      const malformed = await fetch(`${toy.handle.baseUrl}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ ok: false, message: 'Malformed JSON body' });
      expect(malformed.headers.get('x-ratelimit-remaining')).toBe('3');
      expect(toy.placed).toEqual([]);
    } finally {
      await toy.handle.close();
    }
  });
});
