import { LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { api } from '../../api/client.ts';
import type { VaultStatus } from '../../api/publish.ts';
import { ProblemAlert } from '../../components/problem.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSubmitting } from '../../lib/use-submitting.ts';

/** The vault's own rule (packages/publish vault): at least 8 characters. */
export const VAULT_MIN_LENGTH = 8;

/**
 * Sets the vault's master password (with the rule shown and a confirmation,
 * since a lost password cannot be recovered) or unlocks it — where it is
 * needed (the login dialog, 设置), so nobody is sent elsewhere to do it.
 */
export function VaultSetup({
  status,
  onReady,
  intro,
}: {
  status: VaultStatus;
  onReady?: () => void;
  intro?: string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { busy, error, run } = useSubmitting();
  const [form] = Form.useForm<{ password: string; confirm?: string }>();
  const creating = !status.initialized;
  const submit = async () => {
    const { password } = await form.validateFields();
    await run(async () => {
      await api(creating ? '/api/publish/vault/init' : '/api/publish/vault/unlock', { body: { password } });
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['publish-vault'] });
      onReady?.();
    });
  };
  return (
    <div data-testid="vault-setup">
      {intro ? <Typography.Paragraph>{intro}</Typography.Paragraph> : null}
      {creating ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('vault.cannotRecover')} />
      ) : null}
      <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={() => void submit()}>
        <Form.Item
          name="password"
          label={creating ? t('vault.newPassword') : t('settings.vault.password')}
          extra={creating ? t('vault.rule', { n: VAULT_MIN_LENGTH }) : undefined}
          rules={[
            { required: true, message: t('vault.required') },
            ...(creating
              ? [{ min: VAULT_MIN_LENGTH, message: t('vault.tooShort', { n: VAULT_MIN_LENGTH }) }]
              : []),
          ]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete={creating ? 'new-password' : 'current-password'}
            data-testid="vault-password"
          />
        </Form.Item>
        {creating ? (
          <Form.Item
            name="confirm"
            label={t('vault.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('vault.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('vault.mismatch'))),
              }),
            ]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="new-password"
              data-testid="vault-confirm"
            />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="vault-submit">
          {creating ? t('settings.vault.init') : t('settings.vault.unlock')}
        </Button>
      </Form>
      {error ? (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={error} />
        </div>
      ) : null}
    </div>
  );
}
