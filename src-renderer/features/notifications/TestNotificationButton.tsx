import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services.js';
import { testNotification } from './notifier.js';

/** Proves notifications work on this machine, or says plainly why they don't. */
export function TestNotificationButton() {
  const { t } = useTranslation();
  const { notify, inbox } = useServices();
  const test = async () => {
    const result = await notify(testNotification(t));
    inbox.getState().notify(result === 'shown' ? t('notify.testTitle') : t('notify.blocked'), result !== 'shown');
  };
  return (
    <button type="button" className="header-button" data-testid="test-notification" onClick={() => void test()}>
      {t('notify.test')}
    </button>
  );
}
