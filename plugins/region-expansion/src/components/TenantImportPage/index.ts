export { TenantImportPage } from './TenantImportPage';
