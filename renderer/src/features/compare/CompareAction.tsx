import type { DocumentActionProps } from '../../app/slots';
import { useT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { navigation } from '../reader';
import { compareStrings } from './strings';

/** 对照阅读 on a document: opens the compare screen with it and its predecessor (or just it, to pick the other). */
export function CompareAction({ docId, title, className }: DocumentActionProps) {
  const t = useT(compareStrings);
  const open = async () => {
    const pair = await apiClient.call('compare:default-pair', { docId }).catch(() => null);
    navigation.openScreen('compare', pair ? { a: pair.a, b: pair.b } : { a: null, b: docId });
  };
  return (
    <button
      type="button"
      className={`link-button compare-action ${className ?? ''}`}
      title={t('actionHint', { title })}
      onClick={() => void open()}
    >
      {t('action')}
    </button>
  );
}
