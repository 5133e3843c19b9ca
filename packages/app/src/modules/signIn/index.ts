import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { signInPage } from './signInPage';

/** The app's sign-in page (replaces the app plugin's guest-only default). */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
