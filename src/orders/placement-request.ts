import type { CreateOrderInput } from '../generated/graphql.ts';
import type { AddressModel } from '../domain/models.ts';
import type { PlacementRequest, SupplierRefusal } from '../suppliers/writes.ts';
import type { CartGroup, CartShape } from './resolve-cart.ts';
import { userError, type UserErrorValue } from './user-errors.ts';

const address = (a: CreateOrderInput['shippingAddress']): AddressModel => ({
  firstName: a.firstName,
  lastName: a.lastName,
  address1: a.address1,
  address2: a.address2 ?? null,
  city: a.city,
  state: a.state,
  postalCode: a.postalCode,
  country: a.country ?? 'US',
  phone: a.phone ?? null,
});

/** One supplier's part of the cart, as its adapter is asked to place it. */
export function placementRequest(input: CreateOrderInput, group: CartGroup, token: string): PlacementRequest {
  return {
    token,
    externalReference: input.externalReference,
    customer: {
      firstName: input.customer.firstName,
      lastName: input.customer.lastName,
      email: input.customer.email,
      phone: input.customer.phone ?? null,
    },
    shippingAddress: address(input.shippingAddress),
    billingAddress: input.billingAddress ? address(input.billingAddress) : null,
    shippingMethod: input.shippingMethod ?? null,
    note: input.note ?? null,
    lines: group.lines.map((l) => l.line),
  };
}

/** A supplier's refusal as a user error whose field points into the client's input. */
export function refusalToUserError(refusal: SupplierRefusal, group: CartShape): UserErrorValue {
  const inputIndex = refusal.line === undefined ? undefined : group.lines[refusal.line]?.inputIndex;
  let field: (string | number)[] | null = null;
  if (refusal.field?.[0] === 'lines' && refusal.field.length > 1) {
    const index = group.lines[Number(refusal.field[1])]?.inputIndex;
    field = ['input', 'lines', index ?? refusal.field[1]!, ...refusal.field.slice(2)];
  } else if (refusal.field) {
    field = ['input', ...refusal.field];
  } else if (inputIndex !== undefined) {
    field = ['input', 'lines', inputIndex];
  }
  return userError(refusal.code, `${group.supplier}: ${refusal.message}`, field);
}
