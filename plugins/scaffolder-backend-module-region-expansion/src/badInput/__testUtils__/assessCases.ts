import { BOUNDED, TRAVERSALS, caseList, type HandlerCase } from './handlerCase';

/** `assess`: paths out of the workspace and files that are no template, bombs among them. */
export function assessCases(): HandlerCase[] {
  const { cases, add } = caseList();
  for (const [label, p] of TRAVERSALS) {
    add('assess', 'path-traversal', `paths: ${label}`, { paths: [p] }, [
      'paths.0',
      'paths',
    ]);
  }
  add(
    'assess',
    'path-traversal',
    'paths: symbolic link to a template outside',
    { paths: ['links/leak.template.json'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'not-a-template',
    'paths: plain text',
    { paths: ['bad/notes'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'not-a-template',
    'paths: random bytes',
    { paths: ['bad/junk'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'not-a-template',
    'paths: missing folder',
    { paths: ['no-such-folder'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'symlink',
    'paths: symlink loop',
    { paths: ['bad/loop/a.template.yaml'] },
    ['paths.0', 'paths'],
    { reason: /loop|ELOOP|symbolic|symlink/i },
  );
  add(
    'assess',
    'truncated-gzip',
    'paths: truncated CloudTrail gzip',
    { paths: ['bad/truncated'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'bomb',
    'paths: CloudTrail gzip inflating to 300 MiB',
    { paths: ['bad/bomb'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'deep-nesting',
    'paths: 10,000-deep YAML template',
    { paths: ['bad/deep'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'deep-nesting',
    'paths: 10,000-deep JSON properties',
    { paths: ['bad/deep-json'] },
    ['paths.0', 'paths'],
    { boundedOk: BOUNDED },
  );
  add(
    'assess',
    'amplification',
    'paths: 12 KB template, 200 arn:aws: strings aliased 2,000 times',
    { paths: ['bad/amplification'] },
    ['paths.0', 'paths'],
    { boundedOk: BOUNDED },
  );
  add(
    'assess',
    'wrong-value',
    'residency country Narnia',
    { residency: { countries: ['Narnia'] } },
    ['residency.countries'],
  );
  add(
    'assess',
    'wrong-value',
    'residency partition aws-mars',
    { residency: { partition: 'aws-mars' } },
    ['residency.partition', 'residency'],
  );
  add(
    'assess',
    'wrong-value',
    'homeCountry Germany',
    { homeCountry: 'Germany' },
    ['homeCountry'],
  );
  add(
    'assess',
    'wrong-value',
    'waiver expiresAt yesterday',
    {
      waivers: [
        {
          check: 'availability',
          reason: 'r',
          approver: 'a',
          expiresAt: 'yesterday',
        },
      ],
    },
    ['waivers.0.expiresAt'],
  );
  return cases;
}
