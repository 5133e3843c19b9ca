import { caseList, type HandlerCase } from './handlerCase';

/** `publish-local`: output names and source paths. */
export function publishLocalCases(): HandlerCase[] {
  const { cases, add, traversals } = caseList();
  const names: Array<[string, string]> = [
    ['parent traversal', '../outside'],
    ['absolute path', '/etc'],
    ['dot-dot', '..'],
    ['two segments', 'a/b'],
    ['empty', ''],
    ['hidden', '.ssh'],
    ['NUL byte', 'app\u0000x'],
    ['10 KB', 'a'.repeat(10 * 1024)],
  ];
  for (const [label, n] of names) {
    add('publish-local', 'path-traversal', `name: ${label}`, { name: n }, [
      'name',
    ]);
  }
  add(
    'publish-local',
    'wrong-value',
    "name of another run's output",
    { name: 'taken' },
    ['name'],
  );
  traversals('publish-local', 'sourcePath');
  add(
    'publish-local',
    'symlink',
    'sourcePath holding links out of the workspace',
    { sourcePath: 'links' },
    ['sourcePath'],
  );
  add(
    'publish-local',
    'not-a-template',
    'sourcePath a file',
    { sourcePath: 'app/README.md' },
    ['sourcePath'],
  );
  return cases;
}
