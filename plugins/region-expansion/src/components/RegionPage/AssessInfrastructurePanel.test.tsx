import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type {
  AssessFootprintInput,
  FootprintAssessment,
} from '@region-expansion/plugin-region-expansion-common';
import { frankfurtEvaluation } from '../../__testUtils__/fixtures';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  BASE_URL,
  failRoute,
  recordBodies,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { AssessInfrastructurePanel } from './AssessInfrastructurePanel';

const server = setupTestServer();

const TEMPLATE = `Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Agent:
    Type: AWS::Bedrock::Agent
    Properties:
      AgentResourceRoleArn: arn:aws:iam::111122223333:role/agent
`;

/** What the backend answers for TEMPLATE against Frankfurt. */
const assessment: FootprintAssessment = {
  locationId: 'eu-central-1',
  partition: 'aws',
  fileName: 'stack.yaml',
  kind: 'cloudformation',
  footprint: {
    services: [
      { code: 'bedrock', sources: ['iac'], actions: [] },
      { code: 's3', sources: ['iac'], actions: ['PutObject'] },
    ],
    crossRegion: [
      {
        kind: 'replication',
        service: 's3',
        region: 'us-east-1',
        file: 'stack.yaml',
        path: 'Resources.Bucket.Properties.ReplicationConfiguration',
        detail: 'S3 replication to us-east-1',
      },
    ],
    unknown: [
      {
        kind: 'resource-type',
        value: 'AWS::Made::Up',
        file: 'stack.yaml',
        path: 'Resources.Odd',
      },
    ],
  },
  evaluation: {
    locationId: 'eu-central-1',
    level: 'blocked',
    evaluatedAt: '2026-01-11T10:00:00.000Z',
    blockers: [
      {
        check: 'availability',
        service: 'bedrock',
        detail: 'Amazon Bedrock is not offered in eu-central-1',
        remediation:
          'replace bedrock with a service offered in eu-central-1, refresh availability from SSM if the data is stale, or waive with an approved plan',
      },
      {
        check: 'sovereignty',
        detail:
          '[privacy/privacy-transfer] replication to us-east-1 (US) is outside what GDPR allows for restricted data from DE',
        remediation:
          'keep personal data in DE or an adequate jurisdiction, or put transfer safeguards in place and waive',
      },
    ],
    openChecks: frankfurtEvaluation.openChecks,
    signals: frankfurtEvaluation.signals,
  },
  availabilityGaps: [
    {
      check: 'availability',
      service: 'bedrock',
      detail: 'Amazon Bedrock is not offered in eu-central-1',
      remediation:
        'replace bedrock with a service offered in eu-central-1, refresh availability from SSM if the data is stale, or waive with an approved plan',
    },
  ],
  sovereigntyBlockers: [
    {
      check: 'sovereignty',
      detail:
        '[privacy/privacy-transfer] replication to us-east-1 (US) is outside what GDPR allows for restricted data from DE',
      remediation:
        'keep personal data in DE or an adequate jurisdiction, or put transfer safeguards in place and waive',
    },
  ],
};

/** The panel as Frankfurt's Region page shows it. */
const renderRegion = () =>
  renderWithPlugin(<AssessInfrastructurePanel locationId="eu-central-1" />);

const form = () =>
  screen.findByRole('form', {
    name: 'Assess infrastructure code against eu-central-1',
  });

describe('Assess infrastructure code', () => {
  it('sends a chosen file with the data profile and shows level, services, gaps and residency blockers', async () => {
    const user = userEvent.setup();
    const bodies = recordBodies<AssessFootprintInput>(
      server,
      'post',
      '/readiness/eu-central-1/assess',
      assessment,
    );
    await renderRegion();
    const assessForm = await form();
    const submit = within(assessForm).getByRole('button', { name: 'Assess' });
    expect(submit).toBeDisabled();

    // The visible button opens the (hidden) file input from the keyboard.
    const click = jest.spyOn(HTMLInputElement.prototype, 'click');
    within(assessForm).getByRole('button', { name: 'Choose a file' }).focus();
    await user.keyboard('{Enter}');
    expect(click).toHaveBeenCalled();
    click.mockRestore();

    await user.upload(
      within(assessForm).getByLabelText('Infrastructure code file'),
      new File([TEMPLATE], 'stack.yaml', { type: 'application/yaml' }),
    );
    expect(
      within(assessForm).getByText(/Selected: stack\.yaml/),
    ).toBeInTheDocument();
    await user.click(
      within(assessForm).getByRole('combobox', { name: 'Data classification' }),
    );
    await user.click(screen.getByRole('option', { name: 'restricted' }));
    await user.type(
      within(assessForm).getByRole('textbox', {
        name: "Data subjects' country",
      }),
      'DE',
    );
    await user.click(submit);

    const result = await screen.findByRole('region', {
      name: 'Assessment result',
    });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toEqual({
      fileName: 'stack.yaml',
      content: expect.any(String),
      encoding: 'base64',
      classification: 'restricted',
      homeCountry: 'DE',
    });
    expect(Buffer.from(bodies[0].content, 'base64').toString('utf8')).toBe(
      TEMPLATE,
    );

    expect(within(result).getByText('Readiness: blocked')).toBeInTheDocument();
    const services = within(result).getByRole('table', {
      name: 'Services used',
    });
    const rows = within(services).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'ServiceSeen inActionsOffered in eu-central-1',
      'bedrockcode—no',
      's3codePutObjectyes',
    ]);
    expect(
      within(result).getByRole('list', { name: 'Not offered in eu-central-1' }),
    ).toHaveTextContent(
      'Remediation: replace bedrock with a service offered in eu-central-1',
    );
    expect(
      within(result).getByRole('list', {
        name: 'Residency and partition blockers',
      }),
    ).toHaveTextContent(
      /privacy-transfer.*Remediation: keep personal data in DE/,
    );
    expect(
      within(result).getByRole('list', { name: 'Cross-Region dependencies' }),
    ).toHaveTextContent('replication: S3 replication to us-east-1');
    expect(
      within(result).getByRole('list', { name: 'Not classified' }),
    ).toHaveTextContent('resource-type: AWS::Made::Up');
  });

  it("takes a dropped file and shows the server's 400 naming the field", async () => {
    const user = userEvent.setup();
    failRoute(server, 'post', '/readiness/eu-central-1/assess', {
      status: 400,
      name: 'InputError',
      message:
        'content: k8s.json: field Resources: not a CloudFormation template (no Resources mapping)',
    });
    await renderRegion();
    const assessForm = await form();
    fireEvent.drop(within(assessForm).getByTestId('assess-drop-zone'), {
      dataTransfer: {
        files: [new File(['{"kind": "Pod"}'], 'k8s.json')],
      },
    });
    expect(
      within(assessForm).getByText(/Selected: k8s\.json/),
    ).toBeInTheDocument();
    await user.click(
      within(assessForm).getByRole('button', { name: 'Assess' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'content: k8s.json: field Resources: not a CloudFormation template (no Resources mapping)',
    );
    expect(
      screen.queryByRole('region', { name: 'Assessment result' }),
    ).not.toBeInTheDocument();
  });

  it('shows how often a folded cross-Region finding was seen and its example paths', async () => {
    const user = userEvent.setup();
    const paths = Array.from(
      { length: 10 },
      (_, i) => `Resources.Role${i}.Properties.Arn`,
    );
    server.use(
      http.post(`${BASE_URL}/readiness/eu-central-1/assess`, () =>
        HttpResponse.json({
          ...assessment,
          footprint: {
            ...assessment.footprint,
            crossRegion: [
              ...assessment.footprint.crossRegion,
              {
                kind: 'hardcoded-partition',
                file: 'stack.yaml',
                path: paths[0],
                detail: 'arn:aws: hard-coded',
                occurrences: 2000,
                paths,
              },
            ],
          },
        } satisfies FootprintAssessment),
      ),
    );
    await renderRegion();
    const assessForm = await form();
    await user.upload(
      within(assessForm).getByLabelText('Infrastructure code file'),
      new File([TEMPLATE], 'stack.yaml', { type: 'application/yaml' }),
    );
    await user.click(
      within(assessForm).getByRole('button', { name: 'Assess' }),
    );
    const list = await screen.findByRole('list', {
      name: 'Cross-Region dependencies',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'replication: S3 replication to us-east-1Resources.Bucket.Properties.ReplicationConfiguration',
      `hardcoded-partition: arn:aws: hard-coded (2,000 places)${paths.join(
        ', ',
      )} and 1,990 more`,
    ]);
  });

  it('refuses a file over the upload limit without sending it, pointing to the CLI', async () => {
    const user = userEvent.setup();
    const sent = jest.fn();
    server.use(
      http.post(`${BASE_URL}/readiness/eu-central-1/assess`, () => {
        sent();
        return HttpResponse.json(assessment);
      }),
    );
    await renderRegion();
    const assessForm = await form();
    await user.upload(
      within(assessForm).getByLabelText('Infrastructure code file'),
      new File([new Uint8Array(7 * 1024 * 1024 + 1)], 'trail.json.gz'),
    );
    await user.click(
      within(assessForm).getByRole('button', { name: 'Assess' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /trail\.json\.gz is 7\.0 MB; the portal sends files up to 7\.0 MB\. Assess larger inputs with `yarn region-expansion assess --target eu-central-1`/,
    );
    await waitFor(() => expect(sent).not.toHaveBeenCalled());
  });
});
