// Applies the install guide (docs/install.md) to a fresh create-app app,
// reading nothing but the guide's fenced code blocks, so that a wrong or
// missing step in the guide fails the installation proof:
//   - every `yarn ... add ...` line of a sh/bash/shell/console block runs in
//     the app's folder (packages by name, from the registry the app uses);
//   - every `backend.add(import('...'))` of a ts/tsx/js block is added to
//     packages/backend/src/index.ts before `backend.start()`;
//   - every yaml block whose first line is the comment `# app-config.yaml`
//     is merged into the app's app-config.yaml (maps merged, lists appended).
// usage: [GUIDE_LOG=<file>] node apply-guide.mjs <guide.md> <app folder> [--dry-run]
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// The repo declares no YAML library of its own: take the one its Backstage
// CLI (a root devDependency) depends on, wherever Yarn put it.
const require = createRequire(import.meta.url);
const {
  parseDocument,
  parse: parseYaml,
  isMap,
  isSeq,
} = createRequire(require.resolve('@backstage/cli/package.json'))('yaml');

const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);
const CODE_LANGS = new Set(['ts', 'tsx', 'typescript', 'js', 'jsx']);
const YAML_LANGS = new Set(['yaml', 'yml']);
const APP_CONFIG_MARKER = /^#\s*app-config\.yaml\s*$/;

/** The fenced code blocks of a markdown text: `{ lang, body, line }`. */
export function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  let open;
  lines.forEach((text, index) => {
    const fence = /^(\s*)(```+|~~~+)\s*([\w-]*)/.exec(text);
    if (!open && fence) {
      open = {
        fence: fence[2],
        lang: fence[3].toLowerCase(),
        body: [],
        line: index + 1,
      };
    } else if (
      open &&
      text.trim().startsWith(open.fence) &&
      text.trim().replace(/[`~]/g, '') === ''
    ) {
      blocks.push({
        lang: open.lang,
        body: open.body.join('\n'),
        line: open.line,
      });
      open = undefined;
    } else if (open) {
      open.body.push(text);
    }
  });
  return blocks;
}

/** The `yarn ... add ...` commands of the shell blocks, one per logical line. */
export function addCommands(blocks) {
  const commands = [];
  for (const block of blocks.filter(b => SHELL_LANGS.has(b.lang))) {
    const logical = block.body.replace(/\\\n\s*/g, ' ').split('\n');
    for (const raw of logical) {
      const line = raw
        .replace(/^\s*\$\s+/, '')
        .replace(/\s+#.*$/, '')
        .trim();
      if (/^yarn\s(.*\s)?add\s/.test(line)) commands.push(line);
    }
  }
  return commands;
}

/** The module names of every `backend.add(import('...'))` of the code blocks. */
export function backendModules(blocks) {
  const names = [];
  const pattern =
    /backend\.add\(\s*import\(\s*['"]([^'"]+)['"]\s*\)\s*,?\s*\)/g;
  for (const block of blocks.filter(b => CODE_LANGS.has(b.lang))) {
    for (const match of block.body.matchAll(pattern)) {
      if (!names.includes(match[1])) names.push(match[1]);
    }
  }
  return names;
}

/** The yaml blocks marked `# app-config.yaml`, parsed. */
export function appConfigSnippets(blocks) {
  return blocks
    .filter(b => YAML_LANGS.has(b.lang))
    .filter(b => APP_CONFIG_MARKER.test(b.body.split('\n')[0].trim()))
    .map(b => {
      try {
        return parseYaml(b.body);
      } catch (error) {
        throw new Error(
          `guide line ${b.line}: the app-config.yaml block is no valid YAML: ${error.message}`,
        );
      }
    });
}

/** Merges plain data into a yaml Document node: maps merged, lists appended. */
function mergeInto(doc, path, value) {
  const current = doc.getIn(path, true);
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    isMap(current)
  ) {
    for (const [key, child] of Object.entries(value))
      mergeInto(doc, [...path, key], child);
  } else if (Array.isArray(value) && isSeq(current)) {
    for (const item of value) current.add(doc.createNode(item));
  } else {
    doc.setIn(path, doc.createNode(value));
  }
}

/** Inserts the missing `backend.add(import(name))` lines before `backend.start()`. */
export function addBackendModules(source, names) {
  const missing = names.filter(
    name => !source.includes(`'${name}'`) && !source.includes(`"${name}"`),
  );
  if (missing.length === 0) return source;
  const start = source.lastIndexOf('backend.start()');
  if (start < 0)
    throw new Error('packages/backend/src/index.ts has no backend.start()');
  const lines = missing
    .map(name => `backend.add(import('${name}'));\n`)
    .join('');
  return `${source.slice(0, start)}${lines}\n${source.slice(start)}`;
}

function main(argv) {
  const [guidePath, appDir] = argv.filter(a => !a.startsWith('--'));
  const dryRun = argv.includes('--dry-run');
  const logPath = process.env.GUIDE_LOG;
  if (!guidePath || !appDir)
    throw new Error(
      'usage: apply-guide.mjs <guide.md> <app folder> [--dry-run]',
    );
  const blocks = codeBlocks(readFileSync(guidePath, 'utf8'));
  const commands = addCommands(blocks);
  const modules = backendModules(blocks);
  const snippets = appConfigSnippets(blocks);
  if (commands.length === 0)
    throw new Error(
      `${guidePath}: no \`yarn ... add\` command in a sh block: the guide installs nothing`,
    );
  if (modules.length === 0)
    throw new Error(
      `${guidePath}: no \`backend.add(import(...))\` line in a ts block: the guide adds no backend feature`,
    );

  for (const command of commands) {
    if (dryRun) {
      console.log(`    guide: ${command}`);
      continue;
    }
    const started = Date.now();
    // Yarn's output goes to the log; only a failed step shows its end.
    const result = spawnSync('bash', ['-c', command], {
      cwd: appDir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    // Each step's whole time, start to exit: the guide phase once took
    // about 100 s more than the "Done in" of its three Yarn reports.
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`    guide: ${command} (${seconds} s)`);
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    if (logPath)
      appendFileSync(logPath, `$ ${command}  # ${seconds} s\n${output}\n`);
    if (result.status !== 0)
      throw new Error(
        `the guide's step \`${command}\` failed (exit ${
          result.status
        }):\n${output.split('\n').slice(-25).join('\n')}`,
      );
  }

  const indexPath = join(appDir, 'packages/backend/src/index.ts');
  console.log(`    guide: backend.add(import(...)) for ${modules.join(', ')}`);
  if (!dryRun)
    writeFileSync(
      indexPath,
      addBackendModules(readFileSync(indexPath, 'utf8'), modules),
    );

  const configPath = join(appDir, 'app-config.yaml');
  console.log(`    guide: ${snippets.length} app-config.yaml snippet(s)`);
  if (!dryRun && snippets.length > 0) {
    const doc = parseDocument(readFileSync(configPath, 'utf8'));
    for (const snippet of snippets) {
      for (const [key, value] of Object.entries(snippet ?? {}))
        mergeInto(doc, [key], value);
    }
    writeFileSync(configPath, doc.toString());
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`error: install guide: ${error.message}`);
    process.exit(1);
  }
}
