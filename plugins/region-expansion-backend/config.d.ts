import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of the region-expansion backend plugin. */
  regionExpansion?: {
    placement?: {
      /**
       * Strategy the placement engine uses when a request does not name one.
       * Defaults to the engine's own default.
       */
      defaultStrategy?: 'pack' | 'spread';
    };
    readiness?: {
      /**
       * Schedule of the readiness re-evaluation of every location (one run
       * across all backend replicas), in the scheduler's own format. Defaults
       * to every 30 minutes, first run 10 seconds after start, 10 minute
       * timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      waivers?: {
        /**
         * Longest a waiver may last, in whole days from when it is granted.
         * Defaults to 180.
         */
        maxDays?: number;
      };
      /**
       * Aggregate use of the cells in a location (tenants, load units or a
       * declared quota), as a fraction, at which the capacity check warns.
       * Above 0, at most 1. Defaults to 0.8.
       */
      capacityWarnRatio?: number;
    };
    /**
     * Backstage notifications after each readiness evaluation cycle and
     * governance sync: a readiness level drop, a waiver about to expire, a
     * governance source stale past its window, guardrail drift, a campaign
     * gate not passed by the campaign's target date. Sent to the owners of
     * the location's catalog Resource (and the campaign's owner) and the
     * auditors group, once per location and condition until the condition
     * changes.
     */
    notifications?: {
      /**
       * A waiver expiring within this many days of an evaluation is
       * notified. At least 0. Defaults to 7.
       */
      waiverExpiryDays?: number;
      /**
       * A stale governance source (its last sync failed) is notified once
       * its last successful sync is this many hours old. At least 0.
       * Defaults to 24.
       */
      governanceStaleAfterHours?: number;
      /**
       * A campaign with gates not passed is notified once fewer than this
       * many days remain before the end of its target date (UTC). At least
       * 0. Defaults to 0: only once the target date has passed.
       */
      campaignSlipDays?: number;
      /**
       * Entity ref of the group that receives every notification, for
       * example `group:default/auditors` (kind defaults to group). Unset:
       * only the location owners are notified.
       */
      auditorsGroup?: string;
    };
    /** Guardrails the project renders, and their drift from AWS Organizations. */
    guardrails?: {
      /**
       * The guardrail drift check: each plan is rendered as the
       * `region-expansion:render-guardrails` action renders it and compared
       * with AWS Organizations (OU placement, the Region-deny SCP statement
       * by statement); the result is the `guardrail-drift` readiness signal
       * of the plan's location. Absent: the check reads `unknown`.
       */
      drift?: {
        /**
         * Per partition, the account whose credentials (`aws.accounts`,
         * through `@backstage/integration-aws-node`) read AWS Organizations:
         * the management account or a delegated administrator. Never taken
         * from a request. A partition without one reads `unknown`.
         */
        partitions?: Array<{
          /** Partition id, for example `aws` or `aws-eusc`. */
          partition: string;
          /** 12-digit account id. */
          accountId: string;
          /** Region the requests are signed for. Defaults to the partition's home Region. */
          region?: string;
        }>;
        /** The guardrail plans to check, as `region-expansion:render-guardrails` takes them. */
        plans?: Array<{
          /** Plan name; the SCP is `<name>-region-deny`. */
          name: string;
          /** Location id whose `guardrail-drift` signal the plan feeds. */
          targetLocation: string;
          /** Industry slug, the last OU of the path. */
          industry: string;
          /** Further Regions of the partition the accounts may use. */
          allowedRegions?: string[];
          /** Further `NotAction` entries of the SCP. */
          additionalExemptions?: string[];
          /** 12-digit ids of the accounts that belong in the OU. */
          accountIds?: string[];
        }>;
        /**
         * Organizations requests per second, across every operation (AWS
         * throttles the Organizations API per organization). Defaults to 10;
         * see docs/governance.md, "Guardrail drift", for the figure.
         */
        ratePerSecond?: number;
        /** Requests sent back to back before the rate applies. Defaults to 10. */
        burst?: number;
        /** Parents or policies read at once. Defaults to 4. */
        concurrency?: number;
        /** SDK attempts per request (throttling is retried). Defaults to 5. */
        maxAttempts?: number;
        /** Endpoint override, e.g. the local simulator. Defaults to AWS's. */
        endpoint?: string;
        /**
         * How long a read organization is reused, in the scheduler's
         * duration formats (`5m`, `PT5M`, `{ minutes: 5 }`). Defaults to 5 minutes.
         */
        cacheTtl?:
          | string
          | {
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
      };
    };
    /**
     * Availability read live from the SSM public parameters
     * `/aws/service/global-infrastructure/regions/<region>/services`, stored
     * with its date and compared with the bundled snapshot. Readiness judges
     * against the latest stored refresh merged over the snapshot.
     */
    availability?: {
      live?: {
        /**
         * Refresh on the schedule and on POST /availability/refresh.
         * Defaults to false (the snapshot alone).
         */
        enabled?: boolean;
        /**
         * Per partition id (for example `aws`, `aws-eusc`), the 12-digit id
         * of the account whose credentials (`aws.accounts` or
         * `aws.mainAccount`, through `@backstage/integration-aws-node`) read
         * SSM in that partition's home Region; nothing crosses a partition,
         * so an account reads one partition only and must not be a
         * governance target of another. Defaults, per partition, to the
         * first account of its `regionExpansion.governance.targets` entry.
         * A partition with neither is skipped by every refresh (logged, and
         * listed under `skipped` of the stored refresh). The endpoint is
         * `regionExpansion.governance.endpoints.ssm`, else
         * `regionExpansion.governance.endpoint`. The former single
         * `account` key is refused.
         */
        accounts?: { [partition: string]: string };
        /**
         * Partitions whose Regions are read. Defaults to every partition of
         * the availability snapshot.
         */
        partitions?: string[];
        /**
         * Schedule of the `region-expansion-availability` task (one run
         * across all backend replicas), in the scheduler's own format.
         * Defaults to daily, first run a minute after start, 10 minute
         * timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
    /**
     * Governance aggregation (Security Hub, Resilience Hub, Audit Manager,
     * AWS Config). Which accounts are read, and as which role, is decided
     * here and in `aws.accounts` (`@backstage/integration-aws-node`), never
     * by a request.
     */
    governance?: {
      /**
       * Accounts to read per partition. Each partition is read in its home
       * Region (from the partition data) unless `homeRegion` says otherwise;
       * nothing crosses a partition.
       */
      targets?: Array<{
        /** Partition id, for example `aws` or `aws-eusc`. */
        partition: string;
        /** Home Region of the aggregation; defaults to the partition's. */
        homeRegion?: string;
        /** 12-digit account ids, each configured in `aws.accounts`. */
        accounts: string[];
        /**
         * Regions read by per-Region sources, and the only Regions besides
         * the home Region whose governance coverage is proven (the
         * `governance-coverage:*` readiness checks of other Regions read
         * `unknown`, not configured); defaults to the home Region.
         */
        regions?: string[];
      }>;
      /**
       * One endpoint for every AWS service, for example the local simulator
       * `http://127.0.0.1:4566`. Absent in production.
       */
      endpoint?: string;
      /** Endpoint per service signing name (`securityhub`, `sts`, ...). */
      endpoints?: { [service: string]: string };
      /** SDK attempts per request, throttling included. Defaults to 5. */
      maxAttempts?: number;
      /** SDK retry mode. Defaults to `adaptive`. */
      retryMode?: 'standard' | 'adaptive';
      /** Timeout of one request in milliseconds. Defaults to 15000. */
      requestTimeoutMs?: number;
      /** Targets read at once. Defaults to 4. */
      concurrency?: number;
      /**
       * Token-bucket limit per account, Region and API name (the operation,
       * e.g. `GetFindings`); defaults follow the documented limits
       * (GetFindings 3 requests/s, burst 6). Every HTTP attempt takes a
       * token, the SDK's retries included.
       */
      rateLimits?: {
        [api: string]: { ratePerSecond: number; burst: number };
      };
      /**
       * Schedule of each provider's sync (one run across replicas), in the
       * scheduler's own format. Defaults to every 30 minutes.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** The evidence bundle (`GET /governance/evidence-bundle`). */
      evidence?: {
        /**
         * Signs each bundle's manifest through AWS KMS `Sign`; absent: the
         * bundle is unsigned and its manifest and README say so. Decided
         * here only, never by a request.
         */
        signing?: {
          /**
           * Key id, key ARN, alias name or alias ARN of an asymmetric
           * SIGN_VERIFY KMS key.
           */
          keyId: string;
          /** Region of the key. */
          region: string;
          /**
           * 12-digit account whose `aws.accounts` credentials call KMS;
           * defaults to the main account.
           */
          accountId?: string;
          /** KMS signing algorithm. Defaults to `ECDSA_SHA_256`. */
          signingAlgorithm?: 'ECDSA_SHA_256' | 'RSASSA_PSS_SHA_256';
          /** KMS endpoint, for example the local simulator. Absent in production. */
          endpoint?: string;
        };
      };
    };
    /**
     * Prices of a cell's bill of materials (see docs/cost.md). A Region is
     * priced from, in order, the price cache, the snapshot file and the
     * live Price List API. Prices read from an endpoint that is not AWS's
     * (the simulator) are labelled synthetic wherever they are shown.
     */
    pricing?: {
      /**
       * Path of a price snapshot written by `yarn region-expansion prices
       * refresh`, loaded on start; an unreadable or invalid file stops the
       * start. Absent: no snapshot.
       */
      snapshotFile?: string;
      /**
       * How long prices read live are served from the cache, in hours.
       * Defaults to 24.
       */
      cacheMaxAgeHours?: number;
      live?: {
        /**
         * Read the Price List Query API (`GetProducts`) for a Region the
         * snapshot does not price. Defaults to false.
         */
        enabled?: boolean;
        /**
         * 12-digit id of the account (in `aws.accounts`) whose credentials
         * read the API. Defaults to the SDK's default credential chain.
         */
        account?: string;
        /**
         * Endpoint override, e.g. the local simulator; prices from any
         * endpoint that is not AWS's are synthetic. Defaults to AWS's.
         */
        endpoint?: string;
        /** Region of the Price List endpoint. Defaults to `us-east-1`. */
        region?: string;
        /** SDK attempts per request (throttling is retried). Defaults to 3. */
        maxAttempts?: number;
        /** Longest wait for one request, in milliseconds. Defaults to 15000. */
        requestTimeoutMs?: number;
      };
    };
    /** Region launch campaigns (docs/campaigns.md). */
    campaigns?: {
      /**
       * Where AWS Cost Explorer (`GetCostAndUsage`) is read for time to
       * revenue, per partition id (`aws`, `aws-eusc`...). A partition
       * without an entry reads no costs: time to revenue counts from the
       * campaign's start and says why.
       */
      costExplorer?: {
        [partition: string]: {
          /** Endpoint override, e.g. the local simulator. Defaults to AWS's. */
          endpoint?: string;
          /**
           * Region of the Cost Explorer endpoint. Defaults to `us-east-1`
           * in the `aws` partition; required in any other.
           */
          region?: string;
          /**
           * 12-digit id of the account (in `aws.accounts`) whose
           * credentials read Cost Explorer, usually the management
           * (payer) account. Defaults to the SDK's default credential
           * chain.
           */
          accountId?: string;
        };
      };
    };
    import?: {
      /**
       * Maximum request body size of POST /tenants/import, in the notation of
       * the `bytes` package (for example `50mb`). Defaults to `50mb`.
       */
      maxBodySize?: string;
    };
    /** Bounds of POST /readiness/:locationId/assess (an uploaded file). */
    assess?: {
      /**
       * Largest size of the uploaded file after decompression, in the
       * notation of the `bytes` package (for example `64mb`) or a number of
       * bytes. A `.json.gz` stops inflating as soon as it passes; the answer
       * is 400 naming `content` and the limit. Defaults to `64mb`.
       */
      maxInflatedSize?: string | number;
      /**
       * Uploads assessed at once in one backend process; past it the route
       * answers 429 with `Retry-After` before reading the body. Defaults
       * to 2.
       */
      maxConcurrent?: number;
    };
  };
}
