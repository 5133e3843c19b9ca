/**
 * A CloudFormation JSON template of one IAM role whose inline policy allows
 * `actions` made-up actions (`made0:Up`, `made1:Up`, …): each is a distinct
 * finding, so it tests the distinct-findings bound of a footprint.
 *
 * @public
 */
export function madeUpActionsPolicy(actions: number): string {
  return JSON.stringify({
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Policies: [
            {
              PolicyName: 'p',
              PolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Action: Array.from(
                      { length: actions },
                      (_, i) => `made${i}:Up`,
                    ),
                  },
                ],
              },
            },
          ],
        },
      },
    },
  });
}
