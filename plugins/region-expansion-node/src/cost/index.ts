export * from './billOfMaterials';
export * from './CostInputError';
export * from './priceCatalog';
export * from './priceBillOfMaterials';
export * from './PriceCache';
export * from './priceSnapshot';
export * from './readPriceList';
export * from './syntheticPrices';
