// Brings a fresh create-app app to the Backstage release this repo is built
// on, as `yarn backstage-cli versions:bump` does (which needs the release
// manifest from the internet, out of reach here): every @backstage/*
// dependency of the app's package.json files that the repo's root
// `resolutions` names becomes a caret range on that version. create-app's
// template lags the newest release (backend-defaults ^0.18 beside a
// signals backend that needs 0.19), and the install guide asks for an app of
// the current release.
// usage: node bump-app.mjs <repo root> <app folder>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [repoRoot, appDir] = process.argv.slice(2);
const release = JSON.parse(
  readFileSync(join(repoRoot, 'package.json'), 'utf8'),
).resolutions;
const FIELDS = ['dependencies', 'devDependencies'];
let bumped = 0;
for (const file of [
  'package.json',
  'packages/app/package.json',
  'packages/backend/package.json',
]) {
  const path = join(appDir, file);
  const pkg = JSON.parse(readFileSync(path, 'utf8'));
  for (const field of FIELDS) {
    for (const name of Object.keys(pkg[field] ?? {})) {
      const version = release[name];
      if (!name.startsWith('@backstage/') || !version) continue;
      if (pkg[field][name] !== `^${version}`) {
        pkg[field][name] = `^${version}`;
        bumped += 1;
      }
    }
  }
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
}
console.log(
  `    bumped ${bumped} @backstage/* dependencies to the repo's release`,
);
