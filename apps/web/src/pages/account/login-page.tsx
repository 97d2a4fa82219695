import { Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { login, register } from '../../api/auth.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { BrandMark } from '../../layout/brand.tsx';
import { useSubmitting } from '../../lib/use-submitting.ts';

interface Values {
  email: string;
  password: string;
  name?: string;
}

/** Cloud mode sign-in and sign-up. */
export default function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [tab, setTab] = useState<'login' | 'register'>('login');
  const { busy, error, run } = useSubmitting();

  const submit = (values: Values) =>
    run(async () => {
      if (tab === 'login') await login(values.email, values.password);
      else await register(values.email, values.password, values.name);
      navigate(from && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/workbench', { replace: true });
    });

  return (
    <div className="cf-login">
      <Card style={{ width: 400, maxWidth: '92vw' }}>
        <BrandMark />
        <Typography.Title level={4}>{t('account.loginTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('account.loginSub')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as 'login' | 'register')}
          items={[
            { key: 'login', label: t('account.login') },
            { key: 'register', label: t('account.register') },
          ]}
        />
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="email" label={t('account.email')} rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="email" />
          </Form.Item>
          {tab === 'register' ? (
            <Form.Item name="name" label={t('account.displayName')}>
              <Input autoComplete="nickname" />
            </Form.Item>
          ) : null}
          <Form.Item name="password" label={t('account.password')} extra={tab === 'register' ? t('account.passwordHint') : undefined} rules={[{ required: true, min: 8 }]}>
            <Input.Password autoComplete={tab === 'login' ? 'current-password' : 'new-password'} />
          </Form.Item>
          {error ? <div style={{ marginBottom: 16 }}><ProblemAlert error={error} /></div> : null}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {tab === 'login' ? t('account.login') : t('account.register')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
