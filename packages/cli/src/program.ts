import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import { EXIT, isInputError } from './errors';

/**
 * Loads a command's module when the command runs, so that each command pays
 * only for the libraries it needs (the footprint command does not load
 * placement, the YAML what-if inputs or the assessment). The CLI's loader
 * compiles import() to require(); a loader that keeps a native import() of
 * the compiled CommonJS puts the exports on `default`, hence the fallback.
 */
async function lazy<T extends object>(load: () => Promise<T>): Promise<T> {
  const loaded = await load();
  return 'default' in loaded ? (loaded as { default: T }).default : loaded;
}

/** Where the CLI writes; replaceable in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
};

function print(
  io: CliIo,
  json: boolean | undefined,
  value: unknown,
  text: string,
) {
  io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
}

/**
 * A parser that refuses a value not matching `pattern`: a filter that can
 * match no record would pass a CI check on an empty footprint.
 */
function matching(pattern: RegExp, reason: string) {
  return (value: string) => {
    if (!pattern.test(value)) throw new InvalidArgumentError(reason);
    return value;
  };
}

function filterOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--account <id>',
        'CloudTrail: only records of this account (recipientAccountId)',
      ).argParser(matching(/^\d{12}$/, 'must be a 12-digit AWS account id')),
    )
    .addOption(
      new Option(
        '--region <region>',
        'CloudTrail: only records of this Region (awsRegion)',
      ).argParser(
        matching(
          /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/,
          'must be a Region id such as eu-west-2',
        ),
      ),
    )
    .addOption(
      new Option(
        '--principal <arn>',
        'CloudTrail: only records by this principal ARN (trailing * = prefix)',
      ).argParser(
        matching(
          /^arn:[^:\s]+:[^:\s]*:[^:\s]*:[^:\s]*:\S+$/,
          'must be an ARN such as arn:aws:iam::111122223333:role/app (a trailing * matches a prefix)',
        ),
      ),
    );
}

/**
 * A `--classification` option whose choices are set when its command runs:
 * the list lives in the -common package, whose loading (about half a
 * second from sources) the footprint command must not pay before reading.
 */
function classificationOption(description: string, pending: Option[]) {
  const option = new Option('--classification <level>', description);
  pending.push(option);
  return option;
}

/**
 * Builds the CLI. Every action stores its exit code in `state.exitCode`.
 */
export function createProgram(io: CliIo, state: { exitCode: number }): Command {
  const program = new Command('region-expansion')
    .description(
      'Assess infrastructure code and CloudTrail logs for expansion into an AWS Region or partition',
    )
    .exitOverride()
    // An extra argument is a mistyped command line, not something to ignore.
    .allowExcessArguments(false)
    .showSuggestionAfterError(false)
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: () => undefined,
    });
  const classifications: Option[] = [];
  program.hook('preSubcommand', async (_program, command) => {
    if (!command.options.some(option => classifications.includes(option)))
      return;
    const { DATA_CLASSIFICATIONS } = await lazy(
      () => import('@region-expansion/plugin-region-expansion-common'),
    );
    for (const option of classifications)
      option.choices([...DATA_CLASSIFICATIONS]);
  });

  filterOptions(
    program
      .command('footprint')
      .description(
        'AWS services and actions used by CloudFormation, cdk.out, Terraform plans and CloudTrail logs',
      )
      .argument(
        '[paths...]',
        'files or folders; the kind of each is detected (none with an engine --source)',
      ),
  )
    .addOption(
      new Option(
        '--source <source>',
        'where CloudTrail is read: files, or aggregated by an engine',
      )
        .choices(['files', 'cloudtrail-lake', 'athena'])
        .default('files'),
    )
    .option('--event-data-store <arn>', 'cloudtrail-lake: event data store ARN')
    .option('--database <name>', 'athena: Glue database of the trail table')
    .option('--table <name>', 'athena: table over the trail logs')
    .option('--workgroup <name>', 'athena: workgroup (default primary)')
    .option('--output-location <s3-uri>', 'athena: s3:// URI for the results')
    .option('--query-region <region>', 'athena: Region (default AWS_REGION)')
    .option('--start <date>', 'engine: window start, UTC (default 90 days ago)')
    .option('--end <date>', 'engine: window end, UTC (default now)')
    .option('--max-wait <seconds>', 'engine: longest wait for the query (600)')
    .option('--endpoint <url>', 'engine: another endpoint, e.g. the simulator')
    .option('--json', 'print JSON')
    .action(async (paths: string[], options) => {
      if (options.source !== 'files') {
        const engine = await lazy(() => import('./commands/engineFootprint'));
        try {
          const result = await engine.footprintFromEngine(paths, options);
          const text = engine.formatEngineFootprint(result);
          print(io, options.json, result.footprint, text);
          state.exitCode = EXIT.ok;
        } catch (error) {
          if ((error as Error)?.name !== 'EngineQueryError') throw error;
          io.stderr(`region-expansion: ${(error as Error).message}\n`);
          state.exitCode = EXIT.engineFailed;
        }
        return;
      }
      const { footprintOfPaths, formatFootprint } = await lazy(
        () => import('./commands/footprint'),
      );
      const { footprint, inputs } = await footprintOfPaths(paths, options);
      print(io, options.json, footprint, formatFootprint(footprint, inputs));
      state.exitCode = EXIT.ok;
    });

  filterOptions(
    program
      .command('assess')
      .description(
        'assess the footprint of the paths against a target location',
      )
      .requiredOption(
        '--target <location>',
        'target location id, e.g. eusc-de-east-1',
      )
      .argument('<paths...>', 'files or folders; the kind of each is detected'),
  )
    .option(
      '--residency <list>',
      'comma-separated country codes, jurisdiction groups (EU, EEA, ...) or a partition',
    )
    .addOption(
      classificationOption('highest data classification', classifications),
    )
    .option(
      '--home-country <code>',
      "country of the data subjects, whose regimes the advice applies (default: the target's)",
    )
    .addOption(
      new Option(
        '--tier <tier>',
        'requested tenant tier; the advised isolation never goes below it',
      ).choices(['pool', 'bridge', 'silo']),
    )
    .option('--json', 'print JSON')
    .action(async (paths: string[], options) => {
      const { assessPaths, formatAssessment } = await lazy(
        () => import('./commands/assess'),
      );
      const result = await assessPaths(paths, options);
      print(io, options.json, result, formatAssessment(result));
      state.exitCode = result.blockers.length ? EXIT.blockers : EXIT.ok;
    });

  program
    .command('availability')
    .description('services a location offers, from the bundled dated snapshot')
    .argument('<location>', 'location id, e.g. eu-west-2')
    .option('--json', 'print JSON')
    .action(async (location: string, options) => {
      const { availabilityOf, formatAvailability } = await lazy(
        () => import('./commands/availability'),
      );
      const report = availabilityOf(location);
      print(io, options.json, report, formatAvailability(report));
      state.exitCode = EXIT.ok;
    });

  program
    .command('place')
    .description(
      'what-if placement of tenant profiles into cells (nothing is written)',
    )
    .requiredOption(
      '--cells <file>',
      'YAML or JSON: spec, controlPlanes, cells, readiness',
    )
    .requiredOption(
      '--tenants <file>',
      'YAML or JSON: a list of tenant profiles',
    )
    .addOption(
      new Option('--strategy <strategy>', 'pack or spread')
        .choices(['pack', 'spread'])
        .default('pack'),
    )
    .option('--json', 'print JSON')
    .action(async options => {
      const { formatWhatIf, placeWhatIf } = await lazy(
        () => import('./commands/place'),
      );
      const result = await placeWhatIf(options);
      print(io, options.json, result, formatWhatIf(result));
      state.exitCode = result.unplaceable.count ? EXIT.blockers : EXIT.ok;
    });

  program
    .command('prices')
    .description('Price List snapshots for offline cost estimates')
    .command('refresh')
    .description(
      'read the Price List API (paged GetProducts) for every bill-of-materials line in each Region and write a dated snapshot',
    )
    .requiredOption(
      '--regions <ids>',
      '`all` or comma-separated Region codes, e.g. eu-west-1,eu-central-1',
    )
    .requiredOption('--out <file>', 'snapshot file to write (JSON)')
    .option(
      '--endpoint <url>',
      'Price List endpoint; prices from any endpoint other than AWS are labelled synthetic',
    )
    .option(
      '--api-region <region>',
      'Region of the Price List endpoint',
      'us-east-1',
    )
    .option('--json', 'print JSON')
    .action(async options => {
      const prices = await lazy(() => import('./commands/prices'));
      try {
        const result = await prices.refreshPrices(options);
        print(io, options.json, result, prices.formatRefresh(result));
        state.exitCode = EXIT.ok;
      } catch (error) {
        if (!(error instanceof prices.PriceListReadError)) throw error;
        io.stderr(`region-expansion: ${error.message}\n`);
        state.exitCode = prices.PRICE_LIST_FAILED_EXIT;
      }
    });

  filterOptions(
    program
      .command('compare')
      .description(
        'rank candidate locations for a workload and tenant classes: gaps with their rules, advice, cost, latency',
      )
      .argument(
        '[paths...]',
        'infrastructure files or folders (or use --footprint)',
      ),
  )
    .option('--footprint <file>', 'a footprint JSON (footprint --json)')
    .option(
      '--classes <file>',
      'YAML or JSON list of 1-3 tenant classes (name, residency, classification, tier, expectedTenants, loadUnits, countries)',
    )
    .option('--name <name>', 'one tenant class: its name (default: default)')
    .option(
      '--residency <list>',
      'one tenant class: country codes, jurisdiction groups or a partition',
    )
    .addOption(
      classificationOption(
        'one tenant class: data classification',
        classifications,
      ),
    )
    .addOption(
      new Option('--tier <tier>', 'one tenant class: isolation tier').choices([
        'pool',
        'bridge',
        'silo',
      ]),
    )
    .option('--tenants <n>', 'one tenant class: expected tenants')
    .option('--load <units>', 'one tenant class: load units per tenant')
    .option(
      '--countries <list>',
      "one tenant class: the tenants' countries, home country first",
    )
    .option('--candidates <ids>', 'comma-separated location ids (default all)')
    .option(
      '--prices <file>',
      'price snapshot (prices refresh) for offline pricing',
    )
    .option(
      '--override <key=quantity...>',
      'replace a bill-of-materials line quantity',
    )
    .option('--cell-tenants <n>', 'tenant slots of a standard cell', '80')
    .option('--cell-load <units>', 'load units of a standard cell', '600')
    .option('--json', 'print JSON')
    .action(async (paths: string[], options) => {
      const { compareFromCli, formatComparison } = await lazy(
        () => import('./commands/compare'),
      );
      const result = await compareFromCli(paths, options);
      print(io, options.json, result, formatComparison(result));
      // Exit 1 when some class has nowhere to go.
      state.exitCode = result.classes.some(c => c.qualifying === 0)
        ? EXIT.blockers
        : EXIT.ok;
    });

  program
    .command('verify-evidence')
    .description(
      'check an evidence bundle offline: every file digest and the manifest signature',
    )
    .argument('<bundle>', 'the evidence bundle ZIP')
    .requiredOption(
      '--public-key <file>',
      'PEM public key of the KMS signing key (aws kms get-public-key)',
    )
    .option('--json', 'print JSON')
    .action(async (bundle: string, options) => {
      const { formatVerification, verifyEvidence } = await lazy(
        () => import('./commands/verifyEvidence'),
      );
      const result = await verifyEvidence(bundle, options);
      print(io, options.json, result, formatVerification(result));
      // Exit 1 names what failed: a file or the signature.
      state.exitCode = result.valid ? EXIT.ok : EXIT.blockers;
    });

  return program;
}

/**
 * Runs the CLI with arguments (without `node` and the script) and returns
 * the exit code: 0 no blockers, 1 blockers, 2 usage or input errors.
 *
 * @public
 */
export async function runCli(
  args: string[],
  io: CliIo = defaultIo,
): Promise<number> {
  const state = { exitCode: EXIT.ok as number };
  const program = createProgram(io, state);
  try {
    await program.parseAsync(args, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
      ) {
        return EXIT.ok;
      }
      io.stderr(
        `region-expansion: ${
          error.message.replace(/^error: /, '').split('\n')[0]
        }\n`,
      );
      return EXIT.usage;
    }
    if (isInputError(error)) {
      io.stderr(
        `region-expansion: ${(error as Error).message.split('\n')[0]}\n`,
      );
      return EXIT.usage;
    }
    throw error;
  }
}
