import type { Channel, Warehouse } from './types.ts';

/** Fixed fixtures the seeded generator picks from. */

export const SEED_CHANNELS: Channel[] = [
  {
    channelId: 'SGSHOP',
    channelName: 'SupplyGraph Storefront',
    channelEmail: 'shop@supplygraph.test',
    channelPhone: '4155550100',
    location: 'Hayward, CA, US, 94545',
  },
  {
    channelId: 'SGAMAZON',
    channelName: 'Amazon Seller Central',
    channelEmail: 'amazon@supplygraph.test',
    channelPhone: '4155550101',
    location: 'Hayward, CA, US, 94545',
  },
  {
    channelId: 'SGEBAY',
    channelName: 'eBay Store',
    channelEmail: null,
    channelPhone: '4155550102',
    location: 'Edison, NJ, US, 08837',
  },
];

export const SEED_WAREHOUSES: Warehouse[] = [
  { code: 'CENPORTS', name: 'Cenports Main', street: '1742 Sabre Street', city: 'Hayward', state: 'CA', postalCode: '94545', country: 'US', phone: '5105550110', owner: 'CENPORTS' },
  { code: 'CENPORTS-NJ', name: 'Cenports East', street: '300 Raritan Center Parkway', city: 'Edison', state: 'NJ', postalCode: '08837', country: 'US', phone: '7325550120', owner: 'CENPORTS' },
  { code: 'CENPORTS-TX', name: 'Cenports Central', street: '2201 Northeast Loop 820', city: 'Fort Worth', state: 'TX', postalCode: '76118', country: 'US', phone: '8175550130', owner: 'CENPORTS' },
];

/** Carrier codes Cenports accepts (upper case) with their service levels and tracking pages. */
export const CARRIERS: Record<string, { services: string[]; trackingUrl: (tracking: string) => string }> = {
  UPS: { services: ['Ground', 'GR', '2DA'], trackingUrl: (t) => `https://www.ups.com/track?tracknum=${t}` },
  UPSN: { services: ['GR', '2DA', 'NDA'], trackingUrl: (t) => `https://www.ups.com/track?tracknum=${t}` },
  FEDEX: { services: ['Ground', 'Home Delivery', '2Day'], trackingUrl: (t) => `https://www.fedex.com/fedextrack/?trknbr=${t}` },
  USPS: { services: ['Priority', 'First Class', 'Ground Advantage'], trackingUrl: (t) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${t}` },
  DHL: { services: ['Express', 'eCommerce'], trackingUrl: (t) => `https://www.dhl.com/us-en/home/tracking.html?tracking-id=${t}` },
  ONTRAC: { services: ['Ground'], trackingUrl: (t) => `https://www.ontrac.com/tracking/?number=${t}` },
};

export const FIRST_NAMES = ['Gerald', 'Maria', 'Jon', 'Aisha', 'Wei', 'Priya', 'Carlos', 'Emma', 'Noah', 'Olivia', 'Liam', 'Sofia', 'Mateo', 'Chloe', 'Ethan', 'Hana', 'Lucas', 'Zara', 'Omar', 'Grace'];
export const LAST_NAMES = ['Nickerson', 'Garcia', 'Doe', 'Khan', 'Zhang', 'Patel', 'Rivera', 'Smith', 'Johnson', 'Brown', 'Nguyen', 'Kim', 'Lopez', 'Martin', 'Okafor', 'Tanaka', 'Silva', 'Muller', 'Haddad', 'Walsh'];
export const STREETS = ['Hott Street', 'Zimmerman Lane', 'Sabre Street', 'Maple Avenue', 'Oak Drive', 'Cedar Court', 'Elm Street', 'Pine Road', 'Lakeview Boulevard', 'Sunset Drive'];
export const CITIES: { city: string; state: string; postalCode: string }[] = [
  { city: 'Oklahoma City', state: 'OK', postalCode: '73102' },
  { city: 'Los Angeles', state: 'CA', postalCode: '90017' },
  { city: 'Hayward', state: 'CA', postalCode: '94545' },
  { city: 'Austin', state: 'TX', postalCode: '78701' },
  { city: 'Seattle', state: 'WA', postalCode: '98101' },
  { city: 'Denver', state: 'CO', postalCode: '80202' },
  { city: 'Chicago', state: 'IL', postalCode: '60601' },
  { city: 'Miami', state: 'FL', postalCode: '33130' },
  { city: 'Boston', state: 'MA', postalCode: '02108' },
  { city: 'Brooklyn', state: 'NY', postalCode: '11201' },
];

export const PRODUCT_LINES = [
  { prefix: 'HMK', nouns: ['Chef Knife', 'Cutting Board', 'Mixing Bowl', 'Dutch Oven', 'Spice Rack'] },
  { prefix: 'OUT', nouns: ['Camping Lantern', 'Trail Backpack', 'Water Bottle', 'Hammock', 'Folding Chair'] },
  { prefix: 'PET', nouns: ['Dog Leash', 'Cat Tree', 'Pet Bed', 'Chew Toy', 'Food Bowl'] },
  { prefix: 'OFC', nouns: ['Desk Lamp', 'Notebook Set', 'Monitor Stand', 'Desk Organizer', 'Ergonomic Mouse'] },
  { prefix: 'FIT', nouns: ['Yoga Mat', 'Kettlebell', 'Resistance Band', 'Jump Rope', 'Foam Roller'] },
];
export const ADJECTIVES = ['Classic', 'Premium', 'Compact', 'Deluxe', 'Eco', 'Pro', 'Everyday', 'Travel', 'Heavy-Duty', 'Mini'];
