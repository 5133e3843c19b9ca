import { parseTenantImport, splitCsv } from './parseTenantImport';

const HEADER = 'id,name,tier,classification,loadUnits,residencyCountries';

describe('parseTenantImport', () => {
  it('reads CSV with quoted commas, doubled quotes and newlines into rows the API takes', () => {
    const text = [
      HEADER,
      'acme,"Acme, Inc.",pool,public,2,DE;FR',
      'globex,"The ""Globex""',
      ' Corporation",silo,restricted,1.5,',
      '',
    ].join('\r\n');
    expect(parseTenantImport(text, 'csv')).toEqual({
      problems: [],
      rows: [
        {
          id: 'acme',
          name: 'Acme, Inc.',
          tier: 'pool',
          classification: 'public',
          loadUnits: '2',
          residencyCountries: 'DE;FR',
        },
        {
          id: 'globex',
          name: 'The "Globex"\r\n Corporation',
          tier: 'silo',
          classification: 'restricted',
          loadUnits: '1.5',
        },
      ],
    });
    expect(splitCsv(text).map(r => r.line)).toEqual([1, 2, 3]);
  });

  it('names the line and the field of every bad CSV row, and sends nothing', () => {
    const text = [
      HEADER,
      'ok,Fine,pool,public,1,',
      'bad,Bad,platinum,public,1,',
      'ok,Again,pool,public,-1,XX',
      'short,Short',
    ].join('\n');
    const { rows, problems } = parseTenantImport(text, 'csv');
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { line: 3, message: 'tier: must be one of pool, bridge, silo' },
      { line: 4, message: expect.stringMatching(/^loadUnits: /) },
      { line: 4, message: expect.stringMatching(/^residencyCountries/) },
      { line: 4, message: "id: 'ok' repeats line 2" },
      { line: 5, message: '(row): has 2 cells, the header names 6 columns' },
      { line: 5, message: 'tier: must be one of pool, bridge, silo' },
      {
        line: 5,
        message: expect.stringMatching(/^classification: must be one of/),
      },
      { line: 5, message: 'loadUnits: is required' },
    ]);
  });

  it('names unknown CSV columns', () => {
    const { problems } = parseTenantImport(
      'id,name,tier,classification,loadUnits,owner\na,A,pool,public,1,me',
      'csv',
    );
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/^owner: /) },
    ]);
  });

  it('reads a YAML list and names the line each bad item starts on', () => {
    const text = [
      '# tenants for Frankfurt',
      '- id: acme',
      '  name: Acme',
      '  tier: pool',
      '  classification: public',
      '  loadUnits: 2',
      '  residencyCountries: [DE, FR]',
      '- id: bad',
      '  name: Bad',
      '  tier: pool',
      '  classification: secret',
      '  loadUnits: 1',
    ].join('\n');
    expect(parseTenantImport(text, 'yaml')).toEqual({
      rows: [],
      problems: [
        {
          line: 8,
          message: expect.stringMatching(/^classification: must be one of/),
        },
      ],
    });
    const good = parseTenantImport(
      text.split('\n').slice(0, 7).join('\n'),
      'yaml',
    );
    expect(good).toEqual({
      problems: [],
      rows: [
        {
          id: 'acme',
          name: 'Acme',
          tier: 'pool',
          classification: 'public',
          loadUnits: 2,
          residencyCountries: ['DE', 'FR'],
        },
      ],
    });
  });

  it.each([
    ['broken YAML', 'yaml', '- id: a\n  name: [unclosed', 2, /^\(root\): /],
    ['a YAML mapping', 'yaml', 'id: a\nname: A', 1, /must be a list/],
    [
      'a YAML list of text',
      'yaml',
      '- a\n- b',
      1,
      /^rows\[0\]: must be a mapping/,
    ],
    ['an empty CSV file', 'csv', '\n\n', 1, /the file is empty/],
    ['a CSV header only', 'csv', HEADER, 1, /holds no tenants/],
  ] as const)(
    'refuses %s with its line',
    (_label, format, text, line, message) => {
      const { rows, problems } = parseTenantImport(text, format);
      expect(rows).toEqual([]);
      expect(problems[0]).toEqual({
        line,
        message: expect.stringMatching(message),
      });
    },
  );
});
