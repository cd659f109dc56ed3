import type { CreateOrderInput } from '../generated/graphql.ts';
import { decodeGlobalId } from '../domain/global-id.ts';
import { moneyFromDecimal } from '../domain/money.ts';
import type { ProductModel } from '../domain/models.ts';
import { isSupplierId, supplierIdFromCode, type SupplierId } from '../domain/supplier.ts';
import type { SupplierAdapter } from '../suppliers/adapter.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';
import type { PlacementLine } from '../suppliers/writes.ts';
import { userError, type UserErrorValue } from './user-errors.ts';

/** Which supplier takes which of the client's lines, by their positions in its input. */
export interface CartShape {
  supplier: SupplierId;
  lines: { inputIndex: number }[];
}

/** One supplier's lines of a cart, each remembering its position in the client's input. */
export interface CartGroup extends CartShape {
  adapter: SupplierAdapter;
  lines: { inputIndex: number; line: PlacementLine }[];
}

interface Wanted {
  inputIndex: number;
  supplier: SupplierId;
  byId: string | null;
  bySku: string | null;
}

/** The cart's lines by supplier, suppliers in the order they first appear: read from the input alone. */
function linesBySupplier(input: CreateOrderInput): Map<SupplierId, Wanted[]> {
  const bySupplier = new Map<SupplierId, Wanted[]>();
  input.lines.forEach((line, inputIndex) => {
    const id = line.productId ? decodeGlobalId(line.productId) : null;
    const supplier = id?.supplier ?? supplierIdFromCode(line.supplier!);
    // Map.groupBy needs Node 21; this gateway runs on 20.
    bySupplier.set(supplier, [...(bySupplier.get(supplier) ?? []), { inputIndex, supplier, byId: id?.nativeId ?? null, bySku: id ? null : line.sku! }]);
  });
  return bySupplier;
}

/** How the cart splits by supplier, without asking any supplier (a replay answers from this and the store). */
export function cartShape(input: CreateOrderInput): CartShape[] {
  return [...linesBySupplier(input)].map(([supplier, lines]) => ({ supplier, lines: lines.map((w) => ({ inputIndex: w.inputIndex })) }));
}

/**
 * Finds every line's product at its supplier and splits the cart by supplier. Unknown products,
 * unconfigured suppliers and suppliers that cannot take orders are user errors; a supplier that
 * cannot be reached throws (nothing has been placed yet, so a retry is safe).
 */
export async function resolveCart(
  input: CreateOrderInput,
  suppliers: SupplierRegistry,
): Promise<{ groups: CartGroup[]; errors: UserErrorValue[] }> {
  const errors: UserErrorValue[] = [];
  const groups: CartGroup[] = [];
  for (const [supplier, lines] of linesBySupplier(input)) {
    const adapter = isSupplierId(supplier) ? suppliers.get(supplier) : undefined;
    const field = (w: Wanted) => ['input', 'lines', w.inputIndex, w.byId ? 'productId' : 'supplier'];
    if (!adapter) {
      lines.forEach((w) => errors.push(userError('UNKNOWN_SUPPLIER', `${supplier} is not configured on this gateway`, field(w))));
      continue;
    }
    if (!adapter.createOrder) {
      lines.forEach((w) => errors.push(userError('UNSUPPORTED_BY_SUPPLIER', `${supplier} does not take orders through the gateway`, field(w))));
      continue;
    }
    const products = await findProducts(adapter, lines);
    const group: CartGroup = { supplier, adapter, lines: [] };
    lines.forEach((w, i) => {
      const product = products[i];
      if (!product) {
        errors.push(userError('UNKNOWN_PRODUCT', `lines[${w.inputIndex}] names a product ${supplier} does not have`, ['input', 'lines', w.inputIndex, w.byId ? 'productId' : 'sku']));
        return;
      }
      const line = input.lines[w.inputIndex]!;
      group.lines.push({
        inputIndex: w.inputIndex,
        line: {
          supplierProductId: product.supplierProductId,
          sku: product.sku,
          name: product.name,
          quantity: line.quantity,
          unitPrice: product.price,
          retailPrice: line.retailPrice ? moneyFromDecimal(line.retailPrice.amount, line.retailPrice.currencyCode) : null,
        },
      });
    });
    groups.push(group);
  }
  return { groups, errors };
}

/** The products the lines name, in line order, with one lookup per supplier. */
async function findProducts(adapter: SupplierAdapter, lines: Wanted[]): Promise<(ProductModel | null)[]> {
  const ids = lines.filter((w) => w.byId).map((w) => w.byId!);
  const skus = lines.filter((w) => w.bySku).map((w) => w.bySku!);
  const found = new Map<string, ProductModel>();
  if (ids.length > 0 && adapter.getProducts) {
    (await adapter.getProducts(ids)).forEach((p, i) => p && found.set(`id:${ids[i]}`, p));
  }
  if (skus.length > 0 && adapter.listProducts) {
    const page = await adapter.listProducts({ offset: 0, limit: Math.max(skus.length * 2, 10) }, { skus });
    for (const p of page.items) found.set(`sku:${p.sku}`, p);
  }
  return lines.map((w) => found.get(w.byId ? `id:${w.byId}` : `sku:${w.bySku}`) ?? null);
}
