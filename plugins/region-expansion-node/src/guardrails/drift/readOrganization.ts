import {
  DescribePolicyCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  GovernanceRateLimiter,
  mapWithConcurrency,
} from '../../governance/limits';
import { paginate } from '../../governance/providerCalls';
import type { OrganizationSnapshot } from './compareGuardrails';

/**
 * Name the rate limiter books every Organizations call under: AWS throttles
 * the Organizations API per organization across operations, so one budget
 * covers them all.
 *
 * @public
 */
export const ORGANIZATIONS_RATE_LIMIT_KEY = 'organizations';

/**
 * Options of {@link readOrganization}.
 *
 * @public
 */
export interface ReadOrganizationOptions {
  /** Partition the client reads (recorded in the snapshot). */
  partition: string;
  /** Account the client's credentials belong to (the limiter's key). */
  accountId: string;
  /** OU paths (`Root/…`) whose attached SCPs are read and described. */
  policyPaths: readonly string[];
  /** Paces every HTTP attempt, retries included; `organizations` is its limit. */
  limiter: Pick<GovernanceRateLimiter, 'acquire'>;
  /** Parents (or policies) read at once. */
  concurrency: number;
  /** Aborts the read: pending rate-limit waits and requests. */
  signal?: AbortSignal;
}

/**
 * Reads what a drift check needs from AWS Organizations through the real
 * SDK: the root, every OU and account (breadth-first, every page), the SCPs
 * attached to the OUs at `policyPaths`, and each customer-managed one of
 * those described once. Every HTTP attempt waits for the limiter (the
 * middleware sits inside the SDK's retry loop), at most `concurrency`
 * requests are in flight, and the calls made are counted. Errors (access
 * denied, throttled past the SDK's retries) are thrown as the SDK threw
 * them.
 *
 * @public
 */
export async function readOrganization(
  client: OrganizationsClient,
  options: ReadOrganizationOptions,
): Promise<OrganizationSnapshot> {
  const { signal } = options;
  let calls = 0;
  client.middlewareStack.addRelativeTo(
    (next: (args: any) => Promise<any>) => async (args: any) => {
      await options.limiter.acquire(
        { accountId: options.accountId, region: 'global' },
        ORGANIZATIONS_RATE_LIMIT_KEY,
        signal,
      );
      calls += 1;
      return next(args);
    },
    {
      name: 'regionExpansionOrganizationsRateLimit',
      relation: 'after',
      toMiddleware: 'retryMiddleware',
      override: true,
    },
  );
  const send = { abortSignal: signal };
  const all = async <P, T>(
    fetch: (token: string | undefined) => Promise<P>,
    items: (page: P) => T[] | undefined,
  ): Promise<T[]> => {
    const out: T[] = [];
    for await (const page of paginate(fetch, p => (p as any).NextToken))
      out.push(...(items(page) ?? []));
    return out;
  };

  const roots = await all(
    t => client.send(new ListRootsCommand({ NextToken: t }), send),
    p => p.Roots,
  );
  const snapshot: OrganizationSnapshot = {
    partition: options.partition,
    organizationalUnits: roots.map(r => ({ id: r.Id!, path: ['Root'] })),
    accounts: [],
    policiesByTarget: {},
    calls: 0,
  };
  let level = snapshot.organizationalUnits.slice();
  while (level.length) {
    const children = await mapWithConcurrency(
      level,
      options.concurrency,
      async parent => {
        const [ous, accounts] = await Promise.all([
          all(
            t =>
              client.send(
                new ListOrganizationalUnitsForParentCommand({
                  ParentId: parent.id,
                  NextToken: t,
                }),
                send,
              ),
            p => p.OrganizationalUnits,
          ),
          all(
            t =>
              client.send(
                new ListAccountsForParentCommand({
                  ParentId: parent.id,
                  NextToken: t,
                }),
                send,
              ),
            p => p.Accounts,
          ),
        ]);
        snapshot.accounts.push(
          ...accounts.map(a => ({ id: a.Id!, parentId: parent.id })),
        );
        return ous.map(o => ({ id: o.Id!, path: [...parent.path, o.Name!] }));
      },
    );
    level = children.flat();
    snapshot.organizationalUnits.push(...level);
  }

  const wanted = new Set(options.policyPaths);
  const targets = snapshot.organizationalUnits.filter(o =>
    wanted.has(o.path.join('/')),
  );
  const attached = await mapWithConcurrency(
    targets,
    options.concurrency,
    target =>
      all(
        t =>
          client.send(
            new ListPoliciesForTargetCommand({
              TargetId: target.id,
              Filter: 'SERVICE_CONTROL_POLICY',
              NextToken: t,
            }),
            send,
          ),
        p => p.Policies,
      ),
  );
  const toDescribe = [
    ...new Set(
      attached
        .flat()
        .filter(p => !p.AwsManaged)
        .map(p => p.Id!),
    ),
  ];
  const contents = new Map(
    await mapWithConcurrency(toDescribe, options.concurrency, async id => {
      const { Policy } = await client.send(
        new DescribePolicyCommand({ PolicyId: id }),
        send,
      );
      return [id, Policy?.Content] as const;
    }),
  );
  targets.forEach((target, i) => {
    snapshot.policiesByTarget[target.id] = attached[i].map(p => ({
      id: p.Id!,
      name: p.Name!,
      awsManaged: !!p.AwsManaged,
      content: contents.get(p.Id!),
    }));
  });
  snapshot.calls = calls;
  return snapshot;
}
