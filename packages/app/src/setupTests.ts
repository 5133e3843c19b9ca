import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// As in the frontend plugin: on a 2-core machine shared by every package's
// suite, the catalog table can take more than 5 s to render. Waiting longer
// changes no assertion: a missing element still fails, only later.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
