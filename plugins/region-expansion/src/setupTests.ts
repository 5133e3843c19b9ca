import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The page tests render MUI tables and lazy chunks; on a 2-core CI machine
// running every package's suite, an element can take more than the default
// 1 s to appear and a test more than 5 s to finish. Waiting longer changes
// no assertion: a missing element still fails, only later.
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(30_000);
