// 承办单位: the county's departments (reference data the staff maintain): add, rename, deactivate or reactivate. Writes
// go to the server through the ordinary push (county-owned fields name, active); the pull brings them back here.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../../src-shared/common/ids';
import type { Department } from '../../../../src-shared/department/department';
import { validateDocument } from '../../../../src-shared/validation/validate';
import { useDatabase } from '../../../app/app-context';
import { ReferenceRepository } from '../../../db/repositories/reference-repository';
import { useRxQueryResult } from '../../../db/use-rx';
import { formatDateTime } from '../../../i18n/format';
import { useLocale } from '../../../i18n/i18n';
import { useSync } from '../../../sync/sync-provider';
import { applyValidationErrors } from '../../../ui/field-errors';
import { departmentFields, departmentWire } from '../county-api';
import { useCountySession } from '../session/county-context';

type Editing = { kind: 'create' } | { kind: 'rename'; department: Department } | null;

export function DepartmentsPage() {
  const { t } = useTranslation('county');
  const locale = useLocale();
  const { message } = App.useApp();
  const database = useDatabase();
  const { api, credentials } = useCountySession();
  const sync = useSync();
  const references = useMemo(() => new ReferenceRepository(database), [database]);
  const departments = useRxQueryResult(() => references.departments$(false), [references]);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  // Pinyin order, as staff look names up.
  const list = useMemo(
    () => [...(departments.value ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [departments.value],
  );

  /** Pushes one department; the change arrives back through the pull, which this asks for at once. */
  async function write(before: Department | null, after: Department): Promise<void> {
    const conflicts = await api.pushDepartments([
      { assumedMasterState: before ? departmentWire(before) : null, newDocumentState: departmentWire(after) },
    ]);
    sync?.replication.reSync();
    if (conflicts.length > 0) throw new Error(t('departments.conflict'));
  }

  function open(next: Editing) {
    setError(null);
    form.resetFields();
    if (next?.kind === 'rename') form.setFieldsValue({ name: next.department.name });
    setEditing(next);
  }

  async function save() {
    if (!editing) return;
    const name = (form.getFieldValue('name') as string | undefined)?.trim() ?? '';
    const now = new Date().toISOString();
    const before = editing.kind === 'rename' ? editing.department : null;
    const after: Department = before
      ? { ...departmentFields(before), name, updatedAt: now }
      : { id: newId(), countyId: credentials.countyId, createdAt: now, updatedAt: now, name, active: true };
    const result = validateDocument('departments', after);
    if (!result.valid) {
      const other = applyValidationErrors(form, result, ['name'], locale);
      if (other.length > 0) setError(other.join('；'));
      return;
    }
    if (list.some((d) => d.id !== before?.id && d.name === name)) {
      form.setFields([{ name: 'name', errors: [t('departments.duplicateName')] }]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await write(before, after);
      void message.success(t('departments.saved', { name }));
      setEditing(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function toggle(department: Department) {
    try {
      await write(department, {
        ...departmentFields(department),
        active: !department.active,
        updatedAt: new Date().toISOString(),
      });
      void message.success(
        t(department.active ? 'departments.deactivated' : 'departments.activated', { name: department.name }),
      );
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  }

  const columns: ColumnsType<Department> = [
    { title: t('departments.columns.name'), dataIndex: 'name' },
    {
      title: t('departments.columns.state'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) =>
        active ? <Tag color="green">{t('departments.active')}</Tag> : <Tag>{t('departments.inactive')}</Tag>,
    },
    {
      title: t('departments.columns.updatedAt'),
      dataIndex: 'updatedAt',
      width: 170,
      render: (at: string) => formatDateTime(at, locale),
    },
    {
      title: t('departments.columns.actions'),
      key: 'actions',
      width: 190,
      render: (_: unknown, department) => (
        <Space>
          <Button
            size="small"
            aria-label={t('departments.renameOf', { name: department.name })}
            onClick={() => open({ kind: 'rename', department })}
          >
            {t('departments.rename')}
          </Button>
          <Popconfirm
            title={t(department.active ? 'departments.deactivateConfirm' : 'departments.activateConfirm', {
              name: department.name,
            })}
            okText={t('actions.ok')}
            cancelText={t('actions.cancel')}
            onConfirm={() => toggle(department)}
          >
            <Button size="small" danger={department.active}>
              {department.active ? t('departments.deactivate') : t('departments.activate')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Space style={{ justifyContent: 'space-between', display: 'flex' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('departments.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'create' })}>
          {t('departments.add')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('departments.hint')}</Typography.Text>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Department>
          aria-label={t('departments.title')}
          rowKey="id"
          size="small"
          dataSource={list}
          columns={columns}
          loading={departments.loading && !departments.value}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing?.kind === 'rename' ? t('departments.renameTitle') : t('departments.addTitle')}
        okText={t('actions.save')}
        cancelText={t('actions.cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okButtonProps={{ loading: busy }}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={() => void save()}>
          <Form.Item name="name" label={t('departments.columns.name')} required>
            <Input maxLength={100} autoFocus />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Form>
      </Modal>
    </div>
  );
}
