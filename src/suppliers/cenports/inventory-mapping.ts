import type { AddressModel, InventoryLevelModel, ProductModel, WarehouseModel } from '../../domain/models.ts';
import type { WarehouseInventoryWire } from './wire.ts';

/** Pure functions from Cenports' inventory answers to stock levels and the products they imply. */

/** Stock arrives as decimal text ("58"); anything that is not a whole number breaks the contract. */
function quantity(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`stock quantity ${JSON.stringify(text)} is not a whole number`);
  return value;
}

function toWarehouse(entry: WarehouseInventoryWire): WarehouseModel {
  const address = entry.warehouseAddress;
  const mapped: AddressModel | null = address
    ? {
        address1: address.streetAddress,
        address2: address.streetAddress2 ?? null,
        city: address.city,
        state: address.provinceAbbre ?? address.province ?? null,
        postalCode: address.postalCode,
        country: address.countryCode,
      }
    : null;
  return { code: entry.warehouseCode, name: entry.warehouseName, address: mapped };
}

/**
 * Stock levels per warehouse and SKU: `available` from the channel's available stock, `onHand`
 * from the actual stock (null where the actual answer lacks the pair).
 */
export function toInventoryLevels(available: WarehouseInventoryWire[], actual: WarehouseInventoryWire[]): InventoryLevelModel[] {
  const onHand = new Map<string, number>();
  for (const entry of actual) {
    for (const item of entry.warehouseInventory) onHand.set(`${entry.warehouseCode}|${item.productSku}`, quantity(item.quantity));
  }
  return available.flatMap((entry) => {
    const warehouse = toWarehouse(entry);
    return entry.warehouseInventory.map((item) => ({
      supplier: 'cenports' as const,
      sku: item.productSku,
      supplierProductId: item.productSku,
      warehouse,
      available: quantity(item.quantity),
      onHand: onHand.get(`${entry.warehouseCode}|${item.productSku}`) ?? null,
      discontinued: item.isDiscontinued,
      // A calendar date (Y-m-d) where the schema has a moment: the start of that day, UTC.
      nextAvailableAt: item.nextAvailabilityDate ? `${item.nextAvailabilityDate}T00:00:00.000Z` : null,
    }));
  });
}

/**
 * Cenports has no catalog endpoint: its products are the SKUs its inventory lists, one product per
 * SKU across warehouses, in the order first listed. No price: Cenports sells at the merchant's
 * consumer price. A SKU without a name in any warehouse is named by its SKU.
 */
export function toProducts(warehouses: WarehouseInventoryWire[]): ProductModel[] {
  const bySku = new Map<string, ProductModel>();
  for (const item of warehouses.flatMap((entry) => entry.warehouseInventory)) {
    const known = bySku.get(item.productSku);
    if (known) {
      if (known.name === known.sku && item.productName) known.name = item.productName;
      if (!item.isDiscontinued) known.available = true;
      continue;
    }
    bySku.set(item.productSku, {
      supplier: 'cenports',
      supplierProductId: item.productSku,
      sku: item.productSku,
      name: item.productName || item.productSku,
      price: null,
      available: !item.isDiscontinued,
      imageUrls: [],
    });
  }
  return [...bySku.values()];
}
