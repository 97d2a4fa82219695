import { useI18n } from '../i18n/i18n.tsx';

export function BrandMark({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={compact ? 'cf-brand cf-brand-compact' : 'cf-brand'}>
      <img src="/icon.svg" alt="" width={28} height={28} />
      <span className="cf-brand-name">{t('app.name')}</span>
    </div>
  );
}
