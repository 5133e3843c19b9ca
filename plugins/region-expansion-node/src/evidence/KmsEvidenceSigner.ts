import {
  GetPublicKeyCommand,
  KMSClient,
  KMSClientConfig,
  SignCommand,
} from '@aws-sdk/client-kms';
import { Config } from '@backstage/config';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
import { createPublicKey } from 'node:crypto';
import { classifyAwsError } from '../governance/errors';
import {
  EVIDENCE_SIGNING_ALGORITHMS,
  EvidenceSignatureFile,
  EvidenceSignatureStatement,
  EvidenceSigningAlgorithm,
  manifestSigningMessage,
  signedStatement,
} from './evidenceSignature';

/**
 * Where and with which key the evidence manifest is signed; read from
 * config only, never from a request.
 *
 * @public
 */
export interface KmsEvidenceSigningSettings {
  /** Key id, key ARN, alias name or alias ARN of an asymmetric SIGN_VERIFY key. */
  keyId: string;
  /** Account whose credentials (`aws.*`) call KMS; absent: the main account. */
  accountId?: string;
  /** AWS Region of the KMS key. */
  region: string;
  /** KMS signing algorithm; `fromConfig` defaults to `ECDSA_SHA_256`. */
  signingAlgorithm: EvidenceSigningAlgorithm;
  /** KMS endpoint URL (the simulator); absent for AWS's own. */
  endpoint?: string;
}

/**
 * Signs an evidence manifest through AWS KMS `Sign`.
 *
 * @public
 */
export class KmsEvidenceSigner {
  /** The manifest's statement of the signature it will carry. */
  readonly statement: EvidenceSignatureStatement;

  private constructor(
    private readonly settings: KmsEvidenceSigningSettings,
    private readonly client: () => Promise<KMSClient>,
  ) {
    this.statement = signedStatement(settings.keyId, settings.signingAlgorithm);
  }

  /**
   * A signer calling KMS with `credentials` (static or a provider; absent:
   * the SDK's default chain).
   */
  static create(
    settings: KmsEvidenceSigningSettings,
    credentials?: KMSClientConfig['credentials'],
  ): KmsEvidenceSigner {
    return new KmsEvidenceSigner(
      settings,
      async () =>
        new KMSClient({
          region: settings.region,
          ...(credentials ? { credentials } : {}),
          ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        }),
    );
  }

  /**
   * Reads `regionExpansion.governance.evidence.signing`; `undefined` when no
   * key is configured (bundles are then unsigned and say so). Throws
   * `regionExpansion.governance.evidence.signing.<key>: <reason>`.
   */
  static fromConfig(
    config: Config,
    options: { credentialsManager?: AwsCredentialsManager } = {},
  ): KmsEvidenceSigner | undefined {
    const key = 'regionExpansion.governance.evidence.signing';
    const signing = config.getOptionalConfig(key);
    if (!signing) return undefined;
    const signingAlgorithm = (signing.getOptionalString('signingAlgorithm') ??
      'ECDSA_SHA_256') as EvidenceSigningAlgorithm;
    if (!EVIDENCE_SIGNING_ALGORITHMS.includes(signingAlgorithm))
      throw new Error(
        `${key}.signingAlgorithm: must be one of ${EVIDENCE_SIGNING_ALGORITHMS.join(
          ', ',
        )}`,
      );
    const accountId = signing.getOptionalString('accountId');
    if (accountId !== undefined && !/^\d{12}$/.test(accountId))
      throw new Error(`${key}.accountId: must be a 12-digit AWS account id`);
    const settings: KmsEvidenceSigningSettings = {
      keyId: signing.getString('keyId'),
      region: signing.getString('region'),
      signingAlgorithm,
      ...(accountId ? { accountId } : {}),
      ...(signing.getOptionalString('endpoint')
        ? { endpoint: signing.getString('endpoint') }
        : {}),
    };
    const credentials =
      options.credentialsManager ??
      DefaultAwsCredentialsManager.fromConfig(config);
    return new KmsEvidenceSigner(settings, async () => {
      const provider = await credentials.getCredentialProvider(
        settings.accountId ? { accountId: settings.accountId } : {},
      );
      return KmsEvidenceSigner.create(
        settings,
        provider.sdkCredentialProvider,
      ).client();
    });
  }

  /**
   * The key's public key as PEM (`GetPublicKey`), the form
   * `verify-evidence --public-key` reads.
   */
  async publicKeyPem(): Promise<string> {
    const client = await this.client();
    const { PublicKey } = await client.send(
      new GetPublicKeyCommand({ KeyId: this.settings.keyId }),
    );
    return createPublicKey({
      key: Buffer.from(PublicKey ?? []),
      format: 'der',
      type: 'spki',
    })
      .export({ type: 'spki', format: 'pem' })
      .toString();
  }

  /**
   * Signs the manifest's exact bytes; the result is the content of
   * `manifest.sig.json`. A KMS failure throws a ServiceUnavailableError
   * (503) that names its class but carries no AWS error text.
   */
  async sign(manifest: Buffer): Promise<EvidenceSignatureFile> {
    try {
      // Inside: a credentials failure is reported as one, without its text.
      const client = await this.client();
      const signed = await client.send(
        new SignCommand({
          KeyId: this.settings.keyId,
          Message: manifestSigningMessage(manifest),
          MessageType: 'RAW',
          SigningAlgorithm: this.settings.signingAlgorithm,
        }),
      );
      return {
        keyId: signed.KeyId ?? this.settings.keyId,
        signingAlgorithm: this.settings.signingAlgorithm,
        signature: Buffer.from(signed.Signature ?? []).toString('base64'),
      };
    } catch (error) {
      throw new ServiceUnavailableError(
        `Signing the evidence manifest through AWS KMS failed (${
          classifyAwsError(error).kind
        })`,
      );
    }
  }
}
