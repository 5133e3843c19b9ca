// The demo backend adds no config of its own: the role policy's keys
// (`permission.regionExpansion`) are declared by its module's config.d.ts.
export interface Config {}
