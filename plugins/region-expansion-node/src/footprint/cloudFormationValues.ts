import { isRecord, isRegionCode, type Json } from './walk';

/** Marks the stack's own Region (`AWS::Region`) inside resolved text. */
const OWN_REGION = '\u0002';
/** Encloses the index of a part that could not be resolved. */
const HOLE = '\u0001';
/** Deepest nesting of `Fn::Sub` variables and `Fn::Join` lists followed. */
const MAX_DEPTH = 16;

/**
 * A CloudFormation value resolved as far as the template alone allows:
 * literals, parameter defaults and `AWS::Region` (kept as a marker, since
 * it is the stack's own Region whatever that is). Parts that depend on the
 * deployment are holes, shown as `${Name}`.
 */
export interface ResolvedText {
  /** Text with markers for the own Region and for holes. */
  text: string;
  /** How each hole is shown, by index. */
  holes: string[];
  /** Parameters whose `Default` was used; a deployment may override them. */
  parameters: string[];
}

/** The Region of a resolved value, when the template alone says it. */
export type ResolvedRegion =
  | { kind: 'own' }
  | { kind: 'region'; region: string; parameters: string[] }
  | { kind: 'unknown' };

type Parameters = Record<string, Json>;

function hole(display: string): ResolvedText {
  return { text: `${HOLE}0${HOLE}`, holes: [display], parameters: [] };
}

function literal(text: string): ResolvedText {
  // Markers cannot come from the template itself.
  return {
    text: text.split(HOLE).join('').split(OWN_REGION).join(''),
    holes: [],
    parameters: [],
  };
}

function concat(parts: ResolvedText[]): ResolvedText {
  const out: ResolvedText = { text: '', holes: [], parameters: [] };
  for (const part of parts) {
    const offset = out.holes.length;
    out.text += part.text.replace(
      new RegExp(`${HOLE}(\\d+)${HOLE}`, 'g'),
      (_, i) => `${HOLE}${Number(i) + offset}${HOLE}`,
    );
    out.holes.push(...part.holes);
    for (const p of part.parameters) {
      if (!out.parameters.includes(p)) out.parameters.push(p);
    }
  }
  return out;
}

function reference(name: string, parameters: Parameters): ResolvedText {
  if (name === 'AWS::Region') {
    return { text: OWN_REGION, holes: [], parameters: [] };
  }
  const parameter = parameters[name];
  const fallback = isRecord(parameter) ? parameter.Default : undefined;
  if (typeof fallback === 'string' || typeof fallback === 'number') {
    return { ...literal(String(fallback)), parameters: [name] };
  }
  return hole(`\${${name}}`);
}

function substitute(
  template: string,
  variables: Json,
  parameters: Parameters,
  depth: number,
): ResolvedText {
  const parts: ResolvedText[] = [];
  let last = 0;
  for (const match of template.matchAll(/\$\{([^}]*)\}/g)) {
    parts.push(literal(template.slice(last, match.index)));
    last = match.index! + match[0].length;
    const name = match[1].trim();
    if (name.startsWith('!')) {
      parts.push(literal(`\${${name.slice(1)}}`));
    } else if (isRecord(variables) && name in variables) {
      parts.push(resolveText(variables[name], parameters, depth + 1));
    } else if (name.includes('.')) {
      parts.push(hole(`\${${name}}`));
    } else {
      parts.push(reference(name, parameters));
    }
  }
  parts.push(literal(template.slice(last)));
  return concat(parts);
}

/**
 * Resolves a string-valued CloudFormation value: a literal, `Ref` (to
 * `AWS::Region` or a parameter with a `Default`), `Fn::Sub` and `Fn::Join`.
 * Anything else is a hole.
 */
export function resolveText(
  value: Json,
  parameters: Parameters,
  depth = 0,
): ResolvedText {
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'number') return literal(String(value));
  if (depth > MAX_DEPTH || !isRecord(value)) return hole('(a value)');
  const [key] = Object.keys(value);
  const argument = value[key];
  if (key === 'Ref' && typeof argument === 'string') {
    return reference(argument, parameters);
  }
  if (key === 'Fn::Sub') {
    if (typeof argument === 'string') {
      return substitute(argument, undefined, parameters, depth);
    }
    if (Array.isArray(argument) && typeof argument[0] === 'string') {
      return substitute(argument[0], argument[1], parameters, depth);
    }
  }
  if (
    key === 'Fn::Join' &&
    Array.isArray(argument) &&
    typeof argument[0] === 'string' &&
    Array.isArray(argument[1])
  ) {
    const separator = literal(argument[0]);
    const parts: ResolvedText[] = [];
    argument[1].forEach((item: Json, i: number) => {
      if (i > 0) parts.push(separator);
      parts.push(resolveText(item, parameters, depth + 1));
    });
    return concat(parts);
  }
  return hole(`{${key}}`);
}

/** The resolved text as shown to people; undefined when nothing is known. */
export function displayText(resolved: ResolvedText): string | undefined {
  if (resolved.text === '') return undefined;
  if (resolved.text === `${HOLE}0${HOLE}`) {
    // A lone `${Parameter}` says where the value comes from; a lone
    // intrinsic such as `Fn::GetAtt` says nothing worth showing.
    return resolved.holes[0].startsWith('${') ? resolved.holes[0] : undefined;
  }
  return resolved.text
    .replace(new RegExp(OWN_REGION, 'g'), '${AWS::Region}')
    .replace(
      new RegExp(`${HOLE}(\\d+)${HOLE}`, 'g'),
      (_, i) => resolved.holes[Number(i)],
    );
}

function regionOfPart(part: string, parameters: string[]): ResolvedRegion {
  if (part === OWN_REGION) return { kind: 'own' };
  if (isRegionCode(part)) return { kind: 'region', region: part, parameters };
  return { kind: 'unknown' };
}

/** The Region a resolved value names (a Region field such as `Replicas[].Region`). */
export function regionOfValue(resolved: ResolvedText): ResolvedRegion {
  return regionOfPart(resolved.text, resolved.parameters);
}

/** The Region part of a resolved ARN, e.g. `arn:${AWS::Partition}:backup:us-east-1:...`. */
export function regionOfResolvedArn(resolved: ResolvedText): ResolvedRegion {
  const parts = resolved.text.split(':');
  if (parts[0] !== 'arn' || parts.length <= 4) return { kind: 'unknown' };
  return regionOfPart(parts[3], resolved.parameters);
}

/** ` (default of parameter X; a deployment can override it)`, or nothing. */
export function overrideNote(parameters: string[]): string {
  if (!parameters.length) return '';
  return ` (default of parameter ${parameters.join(
    ', ',
  )}; a deployment can override ${parameters.length > 1 ? 'them' : 'it'})`;
}
