import { z } from 'zod';
import { seededRandom, type Random } from './random.ts';

const scope = {
  /** operationIds the rule applies to; all documented operations when absent */
  operations: z.array(z.string().min(1)).optional(),
  /** how many matching requests the rule applies to before it retires itself; forever when absent */
  times: z.int().positive().optional(),
  /** probability in [0, 1] that a matching request is affected; 1 when absent */
  rate: z.number().min(0).max(1).optional(),
};
const ms = z.int().nonnegative();

/**
 * Faults a sandbox can be told to inject, at run time, into the requests it serves, as the
 * control route takes them from tools outside the process.
 */
export const faultRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ms, ...scope }),
  z.strictObject({ kind: z.literal('error'), status: z.int().min(400).max(599).optional(), ...scope }),
  z.strictObject({ kind: z.literal('rateLimit'), retryAfterSeconds: z.int().nonnegative().optional(), ...scope }),
  z.strictObject({ kind: z.literal('hang'), ...scope }),
  z.strictObject({ kind: z.literal('malformedJson'), ...scope }),
  z.strictObject({ kind: z.literal('reset'), ...scope }),
  z.strictObject({ kind: z.literal('resetAfterWrite'), ...scope }),
  z.strictObject({ kind: z.literal('hangAfterWrite'), ...scope }),
  z.strictObject({ kind: z.literal('latencyAfterWrite'), ms, ...scope }),
]);

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultKind = FaultRule['kind'];

// A stream of its own, so drawing for faults never shifts the seeded data the sandbox generates.
const faultStream = (seed: number): Random => seededRandom((seed ^ 0x5eedfa17) >>> 0);

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/**
 * The live fault rules of one sandbox. `rate` draws from a generator seeded with the sandbox's
 * seed, restarted by every set(), so the same rules over the same requests fail the same ones.
 */
export class FaultController {
  #rules: ActiveRule[] = [];
  #random: Random;

  constructor(private readonly seed = 1) {
    this.#random = faultStream(seed);
  }

  /** Replaces every rule with these and restarts the random stream `rate` draws from. */
  set(rules: FaultRule[]): void {
    this.#rules = rules.map((rule) => ({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
    this.#random = faultStream(this.seed);
  }

  add(rule: FaultRule): void {
    this.#rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.#rules = [];
  }

  list(): FaultRule[] {
    return this.#rules.map((active) => active.rule);
  }

  /**
   * The rules of these kinds that fire for one request of `operationId`; each firing uses up one
   * of the rule's `times`. A request is matched against a rule once, so the caller asks per phase.
   */
  take<K extends FaultKind>(operationId: string, kinds: readonly K[]): Extract<FaultRule, { kind: K }>[] {
    const fired: Extract<FaultRule, { kind: K }>[] = [];
    for (const active of this.#rules) {
      const { rule } = active;
      if (!kinds.includes(rule.kind as K)) continue;
      if (rule.operations && !rule.operations.includes(operationId)) continue;
      if (active.remaining <= 0) continue;
      if (rule.rate !== undefined && !this.#random.chance(rule.rate)) continue;
      active.remaining -= 1;
      fired.push(rule as Extract<FaultRule, { kind: K }>);
    }
    this.#rules = this.#rules.filter((active) => active.remaining > 0);
    return fired;
  }
}
