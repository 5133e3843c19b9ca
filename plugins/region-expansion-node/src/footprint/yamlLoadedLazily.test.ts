import path from 'node:path';
import {
  CLOUDFORMATION_YAML,
  cloudTrailRecord,
  tmpDir,
  writeCloudTrail,
} from './__testUtils__/fixtures';

// The `yaml` library is about 40 ms of a CLI start (72 modules) that a
// footprint of CloudTrail logs alone never uses: it loads on the first YAML
// parse, not with the footprint entry point.
describe('the yaml library loads on the first YAML parse only', () => {
  it('is not loaded by the footprint entry point nor by a CloudTrail footprint, and is by a YAML template', async () => {
    const yamlLoads = jest.fn();
    let footprintEntry: typeof import('./index') | undefined;
    jest.isolateModules(() => {
      jest.doMock('yaml', () => {
        yamlLoads();
        return jest.requireActual('yaml');
      });
      footprintEntry = require('./index');
    });
    const { buildFootprint, parseYamlText } = footprintEntry!;
    expect(yamlLoads).not.toHaveBeenCalled();

    const root = tmpDir();
    writeCloudTrail(root, {
      'AWSLogs/111111111111/CloudTrail/eu-west-2/2026/11/01/a.json.gz': [
        cloudTrailRecord({
          eventSource: 's3.amazonaws.com',
          eventName: 'PutObject',
        }),
      ],
    });
    const footprint = await buildFootprint([path.join(root, 'AWSLogs')]);
    expect(footprint.cloudTrail?.records).toBe(1);
    expect(yamlLoads).not.toHaveBeenCalled();

    expect(parseYamlText(CLOUDFORMATION_YAML, 'template.yaml')).toMatchObject({
      AWSTemplateFormatVersion: '2010-09-09',
    });
    expect(yamlLoads).toHaveBeenCalledTimes(1);
  });
});
