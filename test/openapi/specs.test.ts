import { fileURLToPath } from 'node:url';
import { lint, loadConfig } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';

const SUPPLIERS = ['centre', 'whitelabel', 'pleasurestock', 'ordersapi', 'cenports'] as const;
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('supplier OpenAPI specs', () => {
  for (const supplier of SUPPLIERS) {
    it(`${supplier}.yaml is valid OpenAPI and passes the lint with no problem`, async () => {
      const config = await loadConfig({ configPath: root('redocly.yaml') });
      const problems = await lint({ ref: root(`openapi/${supplier}.yaml`), config });
      const described = problems.map(
        (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`,
      );
      expect(described).toEqual([]);
    });
  }
});
