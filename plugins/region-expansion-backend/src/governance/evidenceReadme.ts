import {
  EVIDENCE_MANIFEST,
  EVIDENCE_SIGNATURE,
  EvidenceSignatureStatement,
} from '@region-expansion/plugin-region-expansion-node';

/** The bundle's README: what each file holds and how to verify it. */
export function evidenceReadme(signature: EvidenceSignatureStatement): string {
  const signing = signature.signed
    ? [
        `${EVIDENCE_MANIFEST} is signed through AWS KMS with key ${signature.keyId}`,
        `(${signature.signingAlgorithm}; the signed message is the SHA-256 of`,
        `${EVIDENCE_MANIFEST}, sent as a RAW message). The signature is in`,
        `${EVIDENCE_SIGNATURE}. Verify offline with the key's public key`,
        '(aws kms get-public-key, converted to PEM):',
        '  yarn region-expansion verify-evidence <bundle.zip> --public-key <key.pem>',
      ]
    : [
        `This bundle is UNSIGNED: ${signature.reason}.`,
        `The digests in ${EVIDENCE_MANIFEST} show only whether files changed`,
        'after the manifest was written, not who wrote it.',
      ];
  return [
    'Region Expansion governance evidence bundle',
    '',
    'Contents (read from one snapshot of the database):',
    '  securityhub/findings.csv, .json   Security Hub findings in scope',
    '  resiliencehub/apps.csv, .json     Resilience Hub applications',
    '  auditmanager/controls.csv, .json  Audit Manager controls',
    '  config/conformance-packs.csv, .json  AWS Config conformance pack scores',
    '  readiness/decisions.csv, .json    the latest readiness decision of each',
    '                                    location in scope with every check:',
    '                                    the governance coverage proofs',
    '                                    (governance-coverage:*) and the',
    '                                    guardrail drift result (guardrail-drift)',
    '                                    as stored in the readiness checks',
    '  readiness/waivers.csv, .json      waivers of those locations',
    '  campaigns/campaigns.json          launch campaigns of those locations',
    "                                    with each gate's state and history",
    '  summary.json, summary.pdf         counts and stale sync targets',
    `  ${EVIDENCE_MANIFEST}                     SHA-256 and size of every file above`,
    '                                    and this README, the row counts and',
    '                                    the signature statement',
    '',
    ...signing,
    '',
  ].join('\n');
}
