// The enrolment form's fields (server address, enrolment code, PC name), shared by first-run setup and the 同步 page.
// Must sit inside an antd Form; texts come from the caller's namespace (each page words its own hints).
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export interface EnrolmentValues {
  serverUrl: string;
  code: string;
  deviceName: string;
}

interface EnrolmentFieldsProps {
  /** The feature namespace holding the `enrol.*` texts. */
  namespace: 'setup' | 'sync';
  /** Also refuse an address that does not start with http:// or https:// (text `enrol.serverUrlInvalid`). */
  checkUrlScheme?: boolean;
}

export function EnrolmentFields({ namespace, checkUrlScheme = false }: EnrolmentFieldsProps) {
  const { t } = useTranslation(namespace);
  return (
    <>
      <Form.Item
        name="serverUrl"
        label={t('enrol.serverUrl')}
        rules={[
          { required: true, whitespace: true, message: t('enrol.serverUrlRequired') },
          ...(checkUrlScheme ? [{ pattern: /^https?:\/\/\S+$/i, message: t('enrol.serverUrlInvalid') }] : []),
        ]}
      >
        <Input placeholder={t('enrol.serverUrlPlaceholder')} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('enrol.code')}
        rules={[{ required: true, whitespace: true, message: t('enrol.codeRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="deviceName"
        label={t('enrol.deviceName')}
        rules={[{ required: true, whitespace: true, message: t('enrol.deviceNameRequired') }]}
      >
        <Input placeholder={t('enrol.deviceNamePlaceholder')} maxLength={60} />
      </Form.Item>
    </>
  );
}
