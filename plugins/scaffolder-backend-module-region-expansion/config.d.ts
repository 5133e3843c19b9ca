export interface Config {
  /** Configuration of Region Expansion. */
  regionExpansion?: {
    /** Configuration of the Region Expansion scaffolder actions. */
    scaffolder?: {
      /**
       * Folder that `region-expansion:publish-local` copies generated code
       * into, one sub-folder per plan name. A relative path is resolved
       * against the repository root (the nearest folder holding
       * `backstage.json` above the backend's working directory), so the
       * default `.data/generated` is `<repo>/.data/generated` also when the
       * backend runs from `packages/backend`. Defaults to `.data/generated`.
       */
      outputDirectory?: string;
      /** Configuration of `region-expansion:assess`. */
      assess?: {
        /**
         * Largest size of one assessed file (template, Terraform plan,
         * CloudTrail log) after decompression, in bytes. A larger file fails
         * the step naming it. Inflating costs time up to this limit before a
         * gzip bomb is refused, so keep it near the largest real file.
         * Defaults to 16777216 (16 MiB).
         */
        maxInflatedBytes?: number;
      };
    };
  };
}
