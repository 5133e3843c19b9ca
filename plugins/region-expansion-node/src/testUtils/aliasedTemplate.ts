/**
 * A CloudFormation YAML template whose one anchor of `strings` hard-coded
 * `arn:aws:` ARNs is aliased `aliases` times: 200 × 2,000 is a 12 KB file
 * that expands to 400,000 values if each alias is read again.
 *
 * @public
 */
export function aliasedTemplate(strings: number, aliases: number): string {
  const arns = Array.from(
    { length: strings },
    (_, i) => `"arn:aws:s3:::b${i}"`,
  ).join(',');
  return [
    'Metadata:',
    `  Arns: &a [${arns}]`,
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    `      Tags: [${Array(aliases).fill('*a').join(', ')}]`,
    '',
  ].join('\n');
}
