import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../src-shared/index.js';

/** Errors arrive as closed codes; each has a sentence in every locale. */
export function useErrorText(): (error: ErrorInfo) => string {
  const { t } = useTranslation();
  return (error) => t(`error.${error.code}`, { message: error.message });
}
