import { benchCommands, loadRunner } from './benchCommands';
import { runBenchCli } from './main';

/** Runs the bench CLI, which must refuse with commander's `code`; resolves with its stderr. */
async function refused(args: string[], code: string): Promise<string> {
  const stderr = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation(() => true);
  try {
    await expect(runBenchCli(args)).rejects.toMatchObject({ code });
    return stderr.mock.calls.join('');
  } finally {
    stderr.mockRestore();
  }
}

describe('yarn bench', () => {
  it('keeps the names and options the benchmark guide documents', () => {
    expect(
      Object.fromEntries(
        benchCommands.map(b => [
          b.name,
          b.options.map(o =>
            o.kind === 'flag' ? o.flags : `${o.flags}=${o.default}`,
          ),
        ]),
      ),
    ).toEqual({
      placement: [
        '--cells <n>=10000',
        '--tenants <n>=100000',
        '--naive-budget-ms <ms>=30000',
      ],
      'bulk-import': ['--tenants <n>=100000', '--baseline-sample <n>=5000'],
      'governance-sync': [
        '--findings <n>=1000000',
        '--accounts <n>=100',
        '--regions <n>=10',
        '--concurrency <n>=8',
        '--limited-findings <n>=100000',
        '--limited-accounts <n>=10',
        '--replicas <n>=1',
      ],
      'dashboard-api': [
        '--findings <n>=1000000',
        '--accounts <n>=500',
        '--regions <n>=30',
        '--requests <n>=600',
        '--baseline-requests <n>=12',
      ],
      'regions-page': [
        '--cells <n>=5000',
        '--tenants <n>=100000',
        '--runs <n>=5',
        '--port <n>=7300',
        '--keep',
      ],
      cloudtrail: [
        '--size-gb <n>=2',
        '--file-mb <n>=8',
        '--corpus <kind>=varied',
        '--cli <from>=dist',
      ],
      compare: [
        '--locations <n>=40',
        '--services <n>=200',
        '--requests <n>=60',
        '--baseline-requests <n>=2',
      ],
      drift: [
        '--accounts <n>=500',
        '--ous <n>=50',
        '--scps <n>=200',
        '--plans <n>=24',
        '--rate-per-second <n>=10',
        '--concurrency <n>=4',
      ],
      'evidence-export': [
        '--findings <n>=1000000',
        '--accounts <n>=100',
        '--regions <n>=10',
        '--server-heap-mb <mb>=0',
        '--server <from>=dist',
      ],
      'bad-input': [],
    });
  });

  it('refuses an unknown bench and a value that is not a number', async () => {
    await refused(['no-such-bench'], 'commander.unknownCommand');
    expect(
      await refused(
        ['placement', '--cells', 'many'],
        'commander.invalidArgument',
      ),
    ).toContain(
      "option '--cells <n>' argument 'many' is invalid. must be a non-negative number",
    );
  });

  it("refuses a word that is not one of a choice option's, naming the option", async () => {
    expect(
      await refused(
        ['cloudtrail', '--corpus', 'real'],
        'commander.invalidArgument',
      ),
    ).toContain('--corpus: must be one of varied, uniform, got "real"');
  });
});

describe('each bench command', () => {
  // Loaded while the tests are collected: a runner's imports (the backend
  // test utilities) register Jest hooks, which a running test may not.
  const runners = benchCommands.map(b => [b.name, loadRunner(b.module)]);

  it.each(runners)('%s loads a runner from its module', (_name, runner) => {
    expect(runner).toEqual(expect.any(Function));
  });
});
